package dev.envoi.transport;

/**
 * The spooler's side of a transfer: it tells the transport whether the user has cancelled, and
 * records the hand-off point durably when the transport is about to commit.
 */
public interface HandOffGate {

    /** Throws when the message was cancelled; transports call it while streaming. */
    void checkNotCancelled() throws TransferCancelledException;

    /**
     * Records, durably, that the message is being handed off. After it returns, a cancel is
     * refused; if the message was cancelled first it throws and the transport must not commit.
     */
    void handOff() throws TransferCancelledException;

    /** Bytes written so far out of the expected total (an estimate); for progress display. */
    default void progress(long written, long total) {
    }
}
