package dev.envoi.store;

/** A store operation failed; the message says what failed and what the user can do. */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
