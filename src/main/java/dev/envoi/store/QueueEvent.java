package dev.envoi.store;

import dev.envoi.message.EntryId;

/** What changed in the outgoing queue. */
public sealed interface QueueEvent {

    /** A message entered the queue (submit, resend, retry scheduled). */
    record Queued(EntryId id) implements QueueEvent {
    }

    /** A message was taken out of the queue by a cancel. */
    record Aborted(EntryId queuedId, EntryId draftId) implements QueueEvent {
    }

    /** A message's state changed (sending, handed off, retrying, failed, sent, back in Drafts). */
    record StateChanged(EntryId id) implements QueueEvent {
    }

    /** Another process changed the database; anything may have changed. */
    record ExternalChange() implements QueueEvent {
    }
}
