package dev.envoi.oauth;

/** The authorization server refused the refresh token (invalid_grant): only a new sign-in helps. */
public final class GrantRevokedException extends SignInException {

    public GrantRevokedException(String message) {
        super(message, null, false);
    }
}
