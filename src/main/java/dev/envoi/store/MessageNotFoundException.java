package dev.envoi.store;

/** MAPI_E_NOT_FOUND: no message has this id (ids change when a message moves between folders). */
public class MessageNotFoundException extends StoreException {

    public MessageNotFoundException(String message) {
        super(message);
    }

    public MessageNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
