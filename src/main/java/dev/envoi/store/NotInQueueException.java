package dev.envoi.store;

/** MAPI_E_NOT_IN_QUEUE: there is nothing to cancel: the message was sent, cancelled already, or never queued. */
public class NotInQueueException extends StoreException {

    public NotInQueueException(String message) {
        super(message);
    }

    public NotInQueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
