package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import java.time.Instant;
import java.util.List;

/** A line of the outbox: a message not yet sent, and where it stands. */
public record OutboxEntry(EntryId id, OutboxState state, String subject, List<MailAddress> to, long size,
                          int attempts, Instant dueAt, String lastError, String messageId, Instant submittedAt) {
}
