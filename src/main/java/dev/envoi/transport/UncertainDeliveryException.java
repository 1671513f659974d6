package dev.envoi.transport;

/**
 * The transfer broke after the hand-off point: the mail system may have the message. It must
 * never be sent again without the user choosing to.
 */
public final class UncertainDeliveryException extends TransferException {

    public UncertainDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
