package dev.envoi.store;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import java.time.Instant;

/**
 * A message the spooler has locked for transfer. {@code failingSince} is when its current run of
 * transient failures began (null while none failed), so the retry limit counts from there and not
 * from the submit time: a send-later message, or one the user sent again, gets the full limit.
 */
public record QueuedMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content, int attempts,
                            Instant failingSince) {

    /** A message that has not failed yet. */
    public QueuedMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content, int attempts) {
        this(id, messageId, submittedAt, content, attempts, null);
    }
}
