package dev.envoi.store;

/** A file could not be attached: missing, unreadable, a folder, or over the size limit; the message names it. */
public class AttachmentRejectedException extends StoreException {

    public AttachmentRejectedException(String message) {
        super(message);
    }

    public AttachmentRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
