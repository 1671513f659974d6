package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The spooler's side of the store: the outgoing queue, with the lock on a message being
 * transferred (MAPI's SUBMITFLAG_LOCKED) and the durable hand-off point.
 */
public interface OutgoingQueue {

    /**
     * After a crash: messages locked but never handed off go back in the queue; those past the
     * hand-off point become UNCERTAIN. Returns how many of each.
     */
    RecoveryReport recoverAfterRestart();

    /**
     * Removes vault files no message uses, once they are a day old; returns how many. Its work
     * grows with the vault (a year of mail: 10,000 files and as many rows), so the spooler asks
     * once the queue is drained, not before its first message.
     */
    int collectAttachmentGarbage();

    /** When the next queued message falls due, if any is waiting. */
    Optional<Instant> nextDueAt();

    /** Locks the first message due at {@code now}, checks its integrity, and returns it. */
    Optional<QueuedMessage> lockNextDue(Instant now) throws CorruptDataException;

    /** False once the message was cancelled (by any process). */
    boolean isStillQueued(EntryId id);

    /** Durably records the hand-off point; refused if the message was cancelled first. */
    void recordHandOff(EntryId id) throws NotInQueueException;

    /** The mail system took the message: to Sent (or deleted, as the settings say). */
    default void markDelivered(EntryId id, String reply, Instant at) {
        markDelivered(id, reply, at, true);
    }

    /** As above; with {@code keepInSent} false (an account's choice) the message is deleted. */
    default void markDelivered(EntryId id, String reply, Instant at, boolean keepInSent) {
        markDelivered(id, reply, at, keepInSent, "");
    }

    /**
     * As above, for a message sent through {@code account} ("" for none): when that account keeps
     * a copy in its server's Sent folder, the copy is asked for in the same transaction
     * ({@link SentCopies}); a message not kept locally then stays until the copy is made.
     */
    void markDelivered(EntryId id, String reply, Instant at, boolean keepInSent, String account);

    /** A transient failure: unlocked, due again at {@code nextAttempt}. */
    void scheduleRetry(EntryId id, String error, Instant nextAttempt);

    /**
     * The account the message was submitted with is gone or cannot send: unlocked, it waits with
     * the reason and is looked at again at {@code recheckAt}; no attempt is counted, and it never
     * fails for this (the user may choose another account).
     */
    void waitForAccount(EntryId id, String reason, Instant recheckAt);

    /**
     * The account must be signed in again: unlocked, RETRYING with the reason, due only when a
     * sign-in resumes it ({@link dev.envoi.message.SignInWait}). It counts toward no retry limit.
     */
    void waitForSignIn(EntryId id, String reason);

    /** The retry limit passed: stays in the outbox as FAILED until the user acts. */
    void markFailed(EntryId id, String error);

    /** Refused for good: back to Drafts with the reason and the refused recipients. */
    void returnToDrafts(EntryId id, String reason, List<MailAddress> refused);

    /** The transfer broke after the hand-off point. */
    void markUncertain(EntryId id, String error);

    /** The stored message failed its check at transfer time: it stays, marked damaged. */
    void markDamaged(EntryId id, String error);

    /** Releases a lock without any change (a cancel was seen during the transfer). */
    void unlock(EntryId id);

    /** The retry limit the user set. */
    StoreSettings settings();

    QueueSubscription subscribe(QueueListener listener);

    record RecoveryReport(int requeued, int uncertain) {
    }
}
