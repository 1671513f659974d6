package dev.envoi.store;

/** MAPI_E_NO_RECIPIENTS: submit refused because the message has no recipient; nothing was queued. */
public class NoRecipientsException extends StoreException {

    public NoRecipientsException(String message) {
        super(message);
    }

    public NoRecipientsException(String message, Throwable cause) {
        super(message, cause);
    }
}
