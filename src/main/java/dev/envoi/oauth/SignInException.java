package dev.envoi.oauth;

/**
 * A sign-in or a token refresh that did not work. {@link #isTransient()} tells a server that could
 * not be reached (try again later) from an answer that will not change by waiting.
 */
public class SignInException extends Exception {

    private final boolean transientFailure;

    public SignInException(String message, Throwable cause, boolean transientFailure) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
