package dev.envoi.transport;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import java.time.Instant;
import java.util.Objects;

/**
 * A queued message as a transport needs it: the content, the Message-ID kept for every retry, the
 * submit time for the Date header, where to read attachment bytes from, and what the sender asks of
 * the mail system besides delivery.
 */
public record OutgoingMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content,
                              AttachmentSource attachments, DeliveryOptions options) {

    /** A message with no delivery notification or read receipt asked. */
    public OutgoingMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content,
                           AttachmentSource attachments) {
        this(id, messageId, submittedAt, content, attachments, DeliveryOptions.NONE);
    }

    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(options, "options");
        if (content.from() == null) {
            throw new IllegalArgumentException("an outgoing message needs a From address");
        }
    }
}
