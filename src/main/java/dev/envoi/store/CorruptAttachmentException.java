package dev.envoi.store;

import java.io.IOException;

/**
 * An attachment in the vault no longer matches its recorded size or hash, found while reading it.
 * An IOException so it travels through stream code; the spooler looks for it in the cause chain.
 */
public final class CorruptAttachmentException extends IOException {

    public CorruptAttachmentException(String message) {
        super(message);
    }
}
