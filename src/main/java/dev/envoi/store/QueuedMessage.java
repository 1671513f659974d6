package dev.envoi.store;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import java.time.Instant;

/** A message the spooler has locked for transfer. */
public record QueuedMessage(EntryId id, String messageId, Instant submittedAt, DraftContent content, int attempts) {
}
