package dev.envoi.store;

import dev.envoi.message.EntryId;

/** What changed in the outgoing queue. */
public sealed interface QueueEvent {

    /**
     * A message entered the queue (submit, resend, retry scheduled): the event that joins
     * {@code MessageStore.submit} to the spooler, which hears it through its {@code SpoolerWakeUp}.
     */
    record Queued(EntryId id) implements QueueEvent {
    }

    /** A message was taken out of the queue by a cancel. */
    record Aborted(EntryId queuedId, EntryId draftId) implements QueueEvent {
    }

    /** A message's state changed (sending, handed off, retrying, failed, sent, back in Drafts). */
    record StateChanged(EntryId id) implements QueueEvent {
    }

    /**
     * The copy of a sent message for the server's Sent folder changed (retried, done, failed).
     * The message itself did not change: nothing about its sending is to be told again.
     */
    record SentCopyChanged(EntryId sentId) implements QueueEvent {
    }

    /** Another process changed the database; anything may have changed. */
    record ExternalChange() implements QueueEvent {
    }
}
