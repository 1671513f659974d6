package dev.envoi.transport;

import dev.envoi.message.MailAddress;
import java.util.List;

/**
 * The mail system refused the message for good (a 5xx reply, a message too large, refused
 * recipients); it goes back to Drafts with this reason and, if any, the refused recipients.
 */
public final class PermanentFailureException extends TransferException {

    private final List<MailAddress> refusedRecipients;

    public PermanentFailureException(String message, List<MailAddress> refusedRecipients, Throwable cause) {
        super(message, cause);
        this.refusedRecipients = List.copyOf(refusedRecipients);
    }

    public PermanentFailureException(String message) {
        this(message, List.of(), null);
    }

    public List<MailAddress> refusedRecipients() {
        return refusedRecipients;
    }
}
