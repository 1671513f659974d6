package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.EntryId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the user does to a message already in the outbox: see where it stands, resend it, send it
 * now, mark it sent, or send it through another account.
 */
final class OutboxActions {

    private static final Sentences WORDS = Sentences.of(OutboxActions.class);

    private final Database database;
    private final OutboxQueries queries;
    private final SentFolder sent;
    private final StoreSettings settings;
    private final QueueEvents events;
    private final Clock clock;

    OutboxActions(Database database, OutboxQueries queries, SentFolder sent, StoreSettings settings,
                  QueueEvents events, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.sent = sent;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    List<OutboxEntry> list() {
        return database.read("list the outbox", queries::outbox);
    }

    int count() {
        return database.read("count the outbox", queries::outboxCount);
    }

    List<OutboxEntry> page(int offset, int limit) {
        return database.read("list the outbox", c -> queries.outboxPage(c, offset, limit));
    }

    Optional<OutboxEntry> entry(EntryId id) {
        return database.read("find a message in the outbox", c -> queries.outboxEntry(c, id));
    }

    Optional<MessageFate> fate(EntryId anyId) {
        return database.read("find the message", c -> queries.fate(c, anyId));
    }

    void resend(EntryId queuedId) {
        database.write("send the message again", c -> {
            MessageRow row = QueueRows.requireQueued(c, queuedId);
            QueueState state = row.queueState();
            if (state != QueueState.FAILED && state != QueueState.UNCERTAIN) {
                throw new NotInQueueException(WORDS.get("queue.resendRefused"));
            }
            return QueueRows.move(c, row, QueueState.QUEUED, "due_at = ?, handed_off_at = NULL, attempts = 0, "
                    + "first_failure_at = NULL, last_error = NULL", clock.millis());
        });
        events.publish(new QueueEvent.Queued(queuedId));
    }

    void sendNow(EntryId queuedId) {
        database.write("send the message now", c -> {
            MessageRow row = QueueRows.requireQueued(c, queuedId);
            if (Database.update(c, "UPDATE message SET due_at = ? WHERE id = ? AND state IN (?, ?)", clock.millis(),
                    row.rowId(), QueueState.QUEUED.name(), QueueState.RETRYING.name()) == 0) {
                throw new NotInQueueException(WORDS.get("queue.sendNowRefused"));
            }
            return null;
        });
        events.publish(new QueueEvent.Queued(queuedId));
    }

    void markSent(EntryId queuedId) {
        boolean deleteAfterSend = settings.deleteAfterSend();
        database.write("mark the message as sent", c -> {
            MessageRow row = QueueRows.requireQueued(c, queuedId);
            if (row.queueState() != QueueState.UNCERTAIN) {
                throw new NotInQueueException(WORDS.get("queue.markSentRefused"));
            }
            return sent.file(c, row, WORDS.get("record.markedSent"), clock.millis(), deleteAfterSend, "");
        });
        events.publish(new QueueEvent.StateChanged(queuedId));
    }

    void reassign(EntryId queuedId, String account) {
        database.write("choose another account", c -> {
            AccountAssignment.reassign(c, QueueRows.requireQueued(c, queuedId), account, clock.instant());
            return null;
        });
        events.publish(new QueueEvent.Queued(queuedId));
    }

    List<String> otherAccountsFor(EntryId queuedId) {
        return database.read("find the account", c -> AccountAssignment.otherAccounts(c, queuedId));
    }
}
