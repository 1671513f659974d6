package dev.envoi.store;

/** The profile database could not be opened: newer than this Envoi, not an Envoi database, or damaged. The file is left untouched. */
public class StoreOpenException extends StoreException {

    public StoreOpenException(String message) {
        super(message);
    }

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
