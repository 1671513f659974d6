package dev.envoi.transport;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import java.time.Instant;
import java.util.Objects;

/**
 * A queued message as a transport needs it: the content, the Message-ID kept for every retry, the
 * submit time for the Date header, and where to read attachment bytes from.
 */
public record OutgoingMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content,
                              AttachmentSource attachments) {

    public OutgoingMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(attachments, "attachments");
        if (content.from() == null) {
            throw new IllegalArgumentException("an outgoing message needs a From address");
        }
    }
}
