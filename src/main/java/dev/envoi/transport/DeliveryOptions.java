package dev.envoi.transport;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the sender asks of the mail system besides delivery: delivery status notifications (RFC
 * 3461, used only when the server offers DSN) and a read receipt (RFC 8098's
 * Disposition-Notification-To, which the recipient's program may honour or not).
 *
 * @param notifyOn        when a DSN is wanted; empty for the server's default behaviour
 * @param returnHeadersOnly a failure DSN carries only the headers, not the whole message
 * @param readReceipt     ask the recipient's program to confirm the message was displayed
 */
public record DeliveryOptions(Set<Notify> notifyOn, boolean returnHeadersOnly, boolean readReceipt) {

    public static final DeliveryOptions NONE = new DeliveryOptions(Set.of(), false, false);

    /** The RFC 3461 NOTIFY keywords. */
    public enum Notify { NEVER, SUCCESS, FAILURE, DELAY }

    public DeliveryOptions {
        notifyOn = notifyOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notifyOn));
        if (notifyOn.contains(Notify.NEVER) && notifyOn.size() > 1) {
            throw new IllegalArgumentException("NEVER cannot be combined with other DSN notifications");
        }
    }

    /** The NOTIFY parameter's value (RFC 3461 section 4.1), or null when none is asked. */
    String notifyParameter() {
        if (notifyOn.isEmpty()) {
            return null;
        }
        return String.join(",", EnumSet.copyOf(notifyOn).stream().map(Enum::name).toList());
    }

    /** The RET parameter's value (RFC 3461 section 4.3), or null when none is asked. */
    String returnParameter() {
        if (notifyOn.isEmpty() || notifyOn.contains(Notify.NEVER)) {
            return null;
        }
        return returnHeadersOnly ? "HDRS" : "FULL";
    }
}
