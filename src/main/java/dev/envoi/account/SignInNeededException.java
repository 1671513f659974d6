package dev.envoi.account;

/**
 * An OAuth account cannot get a token without the user: it was never signed in, or the
 * authorization server refused its refresh token (invalid_grant). Its mail waits for a sign-in.
 */
public final class SignInNeededException extends CredentialException {

    public SignInNeededException(String message) {
        super(message);
    }
}
