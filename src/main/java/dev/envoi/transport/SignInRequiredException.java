package dev.envoi.transport;

/**
 * Nothing was sent because the account must be signed in again (its refresh token was revoked,
 * or the server refused even a fresh token). The message waits for the sign-in; it is not a
 * failure of the message, so no retry limit applies.
 */
public final class SignInRequiredException extends TransferException {

    public SignInRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
