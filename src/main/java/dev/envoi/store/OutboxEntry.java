package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A line of the outbox: a message not yet sent, where it stands, and the account it goes through. */
public record OutboxEntry(EntryId id, OutboxState state, String subject, List<MailAddress> to, long size,
                          int attempts, Instant dueAt, String lastError, String messageId, Instant submittedAt,
                          Optional<String> account) {

    public OutboxEntry(EntryId id, OutboxState state, String subject, List<MailAddress> to, long size,
                       int attempts, Instant dueAt, String lastError, String messageId, Instant submittedAt) {
        this(id, state, subject, to, size, attempts, dueAt, lastError, messageId, submittedAt, Optional.empty());
    }
}
