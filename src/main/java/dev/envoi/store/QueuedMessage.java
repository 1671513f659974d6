package dev.envoi.store;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import java.time.Instant;
import java.util.Optional;

/**
 * A message the spooler has locked for transfer. {@code failingSince} is when its current run of
 * transient failures began (null while none failed), so the retry limit counts from there and not
 * from the submit time: a send-later message, or one the user sent again, gets the full limit.
 * {@code account} is the account it was submitted with: it goes through that one, or waits.
 */
public record QueuedMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content, int attempts,
                            Instant failingSince, Optional<String> account) {

    /** A message submitted without an account (before accounts were recorded, or none exists). */
    public QueuedMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content, int attempts,
                         Instant failingSince) {
        this(id, messageId, submittedAt, content, attempts, failingSince, Optional.empty());
    }

    /** A message that has not failed yet. */
    public QueuedMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content, int attempts) {
        this(id, messageId, submittedAt, content, attempts, null);
    }
}
