package dev.envoi.transport;

/**
 * Hands a message to the mail system. The transport streams the message, calls
 * {@link HandOffGate#handOff()} at its commit point (for SMTP just before the end-of-data marker,
 * for a pickup folder just before the rename) and only then commits. If the gate refuses, the
 * transport must not commit.
 */
public interface Transport extends AutoCloseable {

    /**
     * Transfers one message.
     *
     * @throws TransientFailureException nothing was handed off; try again later
     * @throws PermanentFailureException the mail system refused the message for good
     * @throws UncertainDeliveryException the transfer broke after the hand-off point
     * @throws TransferCancelledException the gate reported a cancel before the hand-off point
     */
    HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException;

    /** Releases connections kept between messages; the default keeps none. */
    @Override
    default void close() {
    }
}
