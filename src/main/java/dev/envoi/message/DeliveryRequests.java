package dev.envoi.message;

/**
 * What the sender asks to hear back about a message, besides its delivery.
 *
 * @param notifyDelivery "tell me when it is delivered": a delivery status notification (RFC 3461)
 *                       from the mail system, for success, failure or delay; servers that do not
 *                       offer DSN cannot pass the request on
 * @param readReceipt    "ask for a read receipt" (RFC 8098): the recipient's program may confirm
 *                       that the message was displayed, or not
 */
public record DeliveryRequests(boolean notifyDelivery, boolean readReceipt) {

    /** Nothing asked: what every message written before these options existed carries. */
    public static final DeliveryRequests NONE = new DeliveryRequests(false, false);

    public boolean isNone() {
        return !notifyDelivery && !readReceipt;
    }

    public DeliveryRequests withNotifyDelivery(boolean notify) {
        return new DeliveryRequests(notify, readReceipt);
    }

    public DeliveryRequests withReadReceipt(boolean receipt) {
        return new DeliveryRequests(notifyDelivery, receipt);
    }
}
