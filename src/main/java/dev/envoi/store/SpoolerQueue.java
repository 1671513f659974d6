package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.Attachment;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.SignInWait;
import dev.envoi.store.OutgoingQueue.RecoveryReport;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The spooler's side of the outgoing queue: the lock on a message being transferred, the durable
 * hand-off point, and where the message goes after its attempt. Each change is one transaction,
 * allowed by the message's {@link QueueState}, and announced once committed.
 */
final class SpoolerQueue {

    private static final Sentences WORDS = Sentences.of(SpoolerQueue.class);

    /** Unlocked without being handed off: RETRYING once it has failed before, else QUEUED. */
    private static final String UNLOCKED = "CASE WHEN attempts > 1 THEN " + QueueState.RETRYING.literal()
            + " ELSE " + QueueState.QUEUED.literal() + " END";

    private final Database database;
    private final OutboxQueries queries;
    private final SentFolder sent;
    private final AttachmentFiles attachments;
    private final StoreSettings settings;
    private final QueueEvents events;
    private final Clock clock;

    SpoolerQueue(Database database, OutboxQueries queries, SentFolder sent, AttachmentFiles attachments,
                 StoreSettings settings, QueueEvents events, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.sent = sent;
        this.attachments = attachments;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    RecoveryReport recoverAfterRestart() {
        // SENDING may become QUEUED, RETRYING or UNCERTAIN, HANDED_OFF may become UNCERTAIN
        // (QueueState); the conditions pick exactly those rows.
        RecoveryReport report = database.write("recover the outbox", c -> new RecoveryReport(
                Database.update(c, "UPDATE message SET state = " + UNLOCKED + " WHERE folder = 'OUTBOX' AND state = "
                        + QueueState.SENDING.literal() + " AND handed_off_at IS NULL"),
                Database.update(c, "UPDATE message SET state = ?, last_error = ? WHERE folder = 'OUTBOX' "
                        + "AND state IN (?, ?) AND handed_off_at IS NOT NULL", QueueState.UNCERTAIN.name(),
                        WORDS.get("record.stoppedAtHandOff"), QueueState.SENDING.name(), QueueState.HANDED_OFF.name())));
        if (report.requeued() + report.uncertain() > 0) {
            events.publish(new QueueEvent.ExternalChange());
        }
        return report;
    }

    Optional<Instant> nextDueAt() {
        return database.read("look at the queue", queries::nextDueAt);
    }

    Optional<QueuedMessage> lockNextDue(Instant now) {
        Optional<OutboxQueries.Pick> pick = database.writeUnsynced("take the next message",
                c -> queries.lockNextDue(c, now));
        if (pick.isEmpty()) {
            return Optional.empty();
        }
        if (pick.get() instanceof OutboxQueries.Pick.Damaged damaged) {
            events.publish(new QueueEvent.StateChanged(damaged.id()));
            throw new CorruptDataException(WORDS.get("queue.damaged", damaged.id()));
        }
        QueuedMessage message = ((OutboxQueries.Pick.Locked) pick.get()).message();
        events.publish(new QueueEvent.StateChanged(message.id()));
        checkBeforeTransfer(message);
        return Optional.of(message);
    }

    private void checkBeforeTransfer(QueuedMessage message) {
        try {
            for (Attachment attachment : message.content().attachments()) {
                attachments.checkPresent(attachment);
            }
        } catch (CorruptAttachmentException e) {
            markDamaged(message.id(), e.getMessage());
            throw new CorruptDataException(e.getMessage(), e);
        }
    }

    boolean isStillQueued(EntryId id) {
        return database.read("check the message", c -> MessageTable.find(c, id)
                .filter(row -> row.folder() == Folder.OUTBOX).isPresent());
    }

    void recordHandOff(EntryId id) {
        database.write("record the hand-off", c -> {
            MessageRow row = QueueRows.requireQueued(c, id);
            if (row.queueState() != QueueState.SENDING) {
                throw new NotInQueueException(WORDS.get("queue.notSending", row.state()));
            }
            return QueueRows.move(c, row, QueueState.HANDED_OFF, "handed_off_at = ?", clock.millis());
        });
        events.publish(new QueueEvent.StateChanged(id));
    }

    void markDelivered(EntryId id, String reply, Instant at, boolean keepInSent, String account) {
        boolean deleteAfterSend = !keepInSent || settings.deleteAfterSend();
        // Not waiting for the disk: the hand-off record before it is durable, so if a power cut
        // loses this commit, recovery finds the message handed off and marks it uncertain, never
        // sends it again. A process crash loses nothing (the WAL is written before this returns),
        // and the next durable write, the next message's hand-off, carries it to the disk.
        database.writeUnsynced("move the message to Sent", c -> sent.file(c, QueueRows.requireQueued(c, id), reply,
                at.toEpochMilli(), deleteAfterSend, account));
        events.publish(new QueueEvent.StateChanged(id));
    }

    void scheduleRetry(EntryId id, String error, Instant nextAttempt) {
        updateQueued(id, "schedule a retry", QueueState.RETRYING, "due_at = ?, last_error = ?, handed_off_at = NULL, "
                + "first_failure_at = coalesce(first_failure_at, ?)", nextAttempt.toEpochMilli(), error, clock.millis());
    }

    void waitForAccount(EntryId id, String reason, Instant recheckAt) {
        database.write("hold the message for its account", c -> {
            AccountAssignment.waitForAccount(c, QueueRows.requireQueued(c, id), reason, recheckAt);
            return null;
        });
        events.publish(new QueueEvent.StateChanged(id));
    }

    void waitForSignIn(EntryId id, String reason) {
        // No attempt counted and no first failure recorded: after the sign-in the message gets
        // the whole retry limit, as if it had just been submitted.
        updateQueued(id, "wait for a sign-in", QueueState.RETRYING, "due_at = ?, last_error = ?, handed_off_at = NULL, "
                + "attempts = max(attempts - 1, 0), first_failure_at = NULL", SignInWait.DUE.toEpochMilli(), reason);
    }

    int resumeSignInWaits(String account) {
        int resumed = database.write("resume the messages waiting for a sign-in", c -> Database.update(c,
                "UPDATE message SET due_at = ? WHERE folder = 'OUTBOX' AND state = " + QueueState.RETRYING.literal()
                        + " AND due_at >= ? AND (account = ? OR account IS NULL)",
                clock.millis(), SignInWait.DUE.toEpochMilli(), account));
        if (resumed > 0) {
            events.publish(new QueueEvent.ExternalChange());
        }
        return resumed;
    }

    void markFailed(EntryId id, String error) {
        updateQueued(id, "mark the message failed", QueueState.FAILED, "last_error = ?", error);
    }

    void markDamaged(EntryId id, String error) {
        markFailed(id, WORDS.get("record.damaged", error));
    }

    void markUncertain(EntryId id, String error) {
        updateQueued(id, "mark the message uncertain", QueueState.UNCERTAIN, "last_error = ?", error);
    }

    void returnToDrafts(EntryId id, String reason, List<MailAddress> refused) {
        // A refusal always carries a reason: an empty one would read as the user's own cancel.
        String why = reason == null || reason.isBlank() ? WORDS.get("record.noReason") : reason;
        database.write("return the message to Drafts",
                c -> QueueRows.backToDrafts(c, QueueRows.requireQueued(c, id), why, refused, clock.millis()));
        events.publish(new QueueEvent.StateChanged(id));
    }

    /** Releases the lock; a message no longer locked (cancelled meanwhile) is left as it is. */
    void unlock(EntryId id) {
        database.write("release the message", c -> Database.update(c, "UPDATE message SET state = " + UNLOCKED
                + ", attempts = max(attempts - 1, 0) WHERE entry_id = ? AND state = " + QueueState.SENDING.literal(),
                id.value()));
        events.publish(new QueueEvent.StateChanged(id));
    }

    private void updateQueued(EntryId id, String what, QueueState next, String columns, Object... args) {
        database.write(what, c -> QueueRows.move(c, QueueRows.requireQueued(c, id), next, columns, args));
        events.publish(new QueueEvent.StateChanged(id));
    }
}
