package dev.envoi.store;

/** MAPI_E_SUBMITTED: the message is in the outgoing queue and cannot be opened for editing; cancel it first. */
public class SubmittedException extends StoreException {

    public SubmittedException(String message) {
        super(message);
    }

    public SubmittedException(String message, Throwable cause) {
        super(message, cause);
    }
}
