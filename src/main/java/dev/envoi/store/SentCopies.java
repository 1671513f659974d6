package dev.envoi.store;

import dev.envoi.message.EntryId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The copies of sent messages on their way to the server's Sent folder, each a durable step of
 * its own after the message went: pending (with retries), done or failed. A copy is created in
 * the same transaction that files its message in Sent, so no crash can lose it.
 */
public interface SentCopies {

    /** The first pending copy due at {@code now}, with what it takes to make it. */
    Optional<SentCopyJob> nextDue(Instant now);

    /** When the next pending copy falls due, if any waits. */
    Optional<Instant> nextDueAt();

    /** The copy is in the server's folder; a message the account keeps no local copy of goes now. */
    void markDone(long key, String folder);

    /** A failure that may pass: try again at {@code next}. */
    void scheduleRetry(long key, String error, Instant next);

    /** Given up: stays FAILED with the reason until the user acts. */
    void markFailed(long key, String error);

    /** The user's word: every failed copy is tried again now, with a fresh retry limit; returns how many. */
    int retryFailed();

    /** Copies pending or failed, oldest first. */
    List<SentCopyEntry> unfinished();

    /** The copy state of the message that once had this id (OFF when no copy was ever asked for). */
    SentCopyState stateOf(EntryId anyId);

    /** The retry limit the user set, which copies share with messages. */
    StoreSettings settings();
}
