package dev.envoi.store;

/** MAPI_E_CORRUPT_DATA: the stored message or an attachment failed its size or hash check; nothing was queued or sent. */
public class CorruptDataException extends StoreException {

    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
