package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a message in the outgoing queue, as the {@code state} column stores it (its name,
 * which the schema's CHECK accepts and nothing else), and the one place that says which state may
 * follow which. Outside the OUTBOX folder a message has no state (the column is NULL): a message
 * enters the queue as {@link #QUEUED} and leaves it for Drafts or Sent, as
 * {@link #canReturnToDrafts()} and {@link #canBeFiled()} say.
 */
enum QueueState {
    /** Waiting for its due time (the undo window, send later, or a chosen account). */
    QUEUED,
    /** Locked by the spooler (MAPI's SUBMITFLAG_LOCKED) and being transferred. */
    SENDING,
    /** Past the hand-off point: the mail system may have it, so it is never sent again silently. */
    HANDED_OFF,
    /** Unlocked after a failure that may pass, a wait for an account or a sign-in: due again later. */
    RETRYING,
    /** Given up (retry limit, damaged): stays until the user resends, reassigns or cancels it. */
    FAILED,
    /** Broke after the hand-off point: only the user says whether it went. */
    UNCERTAIN;

    private static final Sentences WORDS = Sentences.of(QueueState.class);

    /** The states that may follow this one while the message stays in the outbox. */
    private Set<QueueState> next() {
        return switch (this) {
            // A due message is locked; one that fails its integrity check at the pick is FAILED;
            // choosing another account starts it again as QUEUED.
            case QUEUED, RETRYING -> EnumSet.of(SENDING, FAILED, QUEUED);
            // Unlocked (cancelled transfer, crash before the hand-off), retried, waiting, given up,
            // broken, or past the hand-off point.
            case SENDING -> EnumSet.of(HANDED_OFF, QUEUED, RETRYING, FAILED, UNCERTAIN);
            // An SMTP 4xx reply to the end of data: the server did not take it, so it may retry or
            // give up; anything else unknown is UNCERTAIN. Never back to QUEUED by itself.
            case HANDED_OFF -> EnumSet.of(RETRYING, FAILED, UNCERTAIN);
            // Only the user's resend or choice of another account.
            case FAILED, UNCERTAIN -> EnumSet.of(QUEUED);
        };
    }

    boolean canMoveTo(QueueState next) {
        return next().contains(next);
    }

    /** Returns {@code next} if this state may move to it; otherwise refuses, naming both. */
    QueueState requireMove(EntryId id, QueueState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(WORDS.get("state.illegalMove", id, name(), next.name()));
        }
        return next;
    }

    /**
     * True when the message may leave the outbox for Drafts: the user's cancel, or a permanent
     * refusal. An UNCERTAIN message may have gone: the user resends it or marks it sent instead.
     */
    boolean canReturnToDrafts() {
        return this != UNCERTAIN;
    }

    /** True when the message may be filed in Sent: delivered, or marked sent by the user. */
    boolean canBeFiled() {
        return this == SENDING || this == HANDED_OFF || this == UNCERTAIN;
    }

    /** True while the spooler holds it: a new lock or a wait is only for a message not held. */
    boolean isLocked() {
        return this == SENDING || this == HANDED_OFF;
    }

    /** The name as an SQL string literal, for a query that names states in its text. */
    String literal() {
        return "'" + name() + "'";
    }

    /** What scripts and the outbox window show: the hand-off is a detail of SENDING there. */
    OutboxState outboxState() {
        return switch (this) {
            case QUEUED -> OutboxState.QUEUED;
            case SENDING, HANDED_OFF -> OutboxState.SENDING;
            case RETRYING -> OutboxState.RETRYING;
            case FAILED -> OutboxState.FAILED;
            case UNCERTAIN -> OutboxState.UNCERTAIN;
        };
    }

    /**
     * The state a queued message's row holds. Anything else (a NULL, a name this version does not
     * know) is damage, reported with the message's id and the value, never read as some default.
     */
    static QueueState of(EntryId id, String stored) {
        if (stored != null) {
            for (QueueState state : values()) {
                if (state.name().equals(stored)) {
                    return state;
                }
            }
        }
        throw new CorruptDataException(WORDS.get("state.unknown", id,
                stored == null ? "NULL" : dev.envoi.i18n.VisibleText.of(stored)));
    }
}
