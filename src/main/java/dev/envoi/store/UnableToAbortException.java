package dev.envoi.store;

/** MAPI_E_UNABLE_TO_ABORT: the message has passed the hand-off point and can no longer be cancelled. */
public class UnableToAbortException extends StoreException {

    public UnableToAbortException(String message) {
        super(message);
    }

    public UnableToAbortException(String message, Throwable cause) {
        super(message, cause);
    }
}
