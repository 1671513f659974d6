package dev.envoi.transport;

/** The user cancelled before the hand-off point; the transport stopped without committing. */
public final class TransferCancelledException extends TransferException {

    public TransferCancelledException(String message) {
        super(message, null);
    }
}
