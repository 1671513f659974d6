package dev.envoi.store;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sent_copy table: one row per sent message whose copy goes to the server's Sent folder. */
final class SqliteSentCopies implements SentCopies {

    private final Database database;
    private final StoreSettings settings;
    private final QueueEvents events;
    private final Clock clock;

    SqliteSentCopies(Database database, StoreSettings settings, QueueEvents events, Clock clock) {
        this.database = database;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * In the caller's transaction (the move to Sent): asks for a copy when the account keeps one.
     *
     * @return true when a copy was asked for
     */
    static boolean requestIfWanted(Connection c, long rowId, String account, long now, boolean deleteLocal)
            throws SQLException {
        if (account == null || account.isEmpty()) {
            return false;
        }
        return Database.update(c, "INSERT OR IGNORE INTO sent_copy (message, account, state, due_at, delete_local) "
                + "SELECT ?, account, 'PENDING', ?, ? FROM account_imap WHERE account = ? AND keep_copy = 1",
                rowId, now, deleteLocal ? 1 : 0, account) > 0;
    }

    @Override
    public Optional<SentCopyJob> nextDue(Instant now) {
        Optional<SentCopyJob> job = pending(now);
        // The move to Sent that asked for this copy was committed without waiting for the disk
        // (markDelivered): a power cut may still take it, and the message would come back
        // uncertain while its copy sat in the server's folder. A durable write first carries it
        // to the disk (the WAL reaches it in order); copies are rare, so one sync each is cheap.
        job.ifPresent(j -> database.write("make the move to Sent durable",
                c -> Database.update(c, "UPDATE sent_copy SET due_at = due_at WHERE message = ?", j.key())));
        return job;
    }

    private Optional<SentCopyJob> pending(Instant now) {
        return database.read("find a copy for the Sent folder", c -> {
            try (PreparedStatement s = Database.prepare(c, """
                    SELECT sc.message, sc.account, m.message_id, m.submitted_at, sc.attempts, sc.first_failure_at,
                           m.entry_id
                    FROM sent_copy sc JOIN message m ON m.id = sc.message
                    WHERE sc.state = 'PENDING' AND sc.due_at <= ? ORDER BY sc.due_at, sc.message LIMIT 1""",
                    now.toEpochMilli()); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long key = rs.getLong(1);
                DraftContent content = MessageTable.loadContent(c, key);
                return Optional.of(new SentCopyJob(key, new EntryId(rs.getString(7)), rs.getString(2), rs.getString(3), instant(rs, 4), content,
                        rs.getInt(5), instant(rs, 6)));
            }
        });
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return database.read("find when the next copy is due", c -> {
            try (PreparedStatement s = Database.prepare(c,
                    "SELECT min(due_at) FROM sent_copy WHERE state = 'PENDING'"); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
            }
        });
    }

    @Override
    public void markDone(long key, String folder) {
        Optional<EntryId> id = database.write("record the copy in the Sent folder", c -> {
            Optional<EntryId> sentId = entryId(c, key);
            Database.update(c, "UPDATE sent_copy SET state = 'DONE', folder = ?, last_error = NULL WHERE message = ?",
                    folder, key);
            // The account keeps no local copy: the message stayed only until the server had one.
            if (deletesLocal(c, key)) {
                MessageTable.retireId(c, key);
                Database.update(c, "DELETE FROM message WHERE id = ?", key);
            }
            return sentId;
        });
        changed(id);
    }

    @Override
    public void scheduleRetry(long key, String error, Instant next) {
        changed(database.write("schedule a retry of the copy", c -> {
            Database.update(c, "UPDATE sent_copy SET attempts = attempts + 1, due_at = ?, last_error = ?, "
                    + "first_failure_at = coalesce(first_failure_at, ?) WHERE message = ? AND state = 'PENDING'",
                    next.toEpochMilli(), error, clock.millis(), key);
            return entryId(c, key);
        }));
    }

    @Override
    public void markFailed(long key, String error) {
        changed(database.write("record the failed copy", c -> {
            Database.update(c, "UPDATE sent_copy SET state = 'FAILED', attempts = attempts + 1, last_error = ? "
                    + "WHERE message = ?", error, key);
            return entryId(c, key);
        }));
    }

    /** Tells this process's windows (the outbox lists copies) that a sent message's copy changed. */
    private void changed(Optional<EntryId> sentId) {
        sentId.ifPresent(id -> events.publish(new QueueEvent.SentCopyChanged(id)));
    }

    private static Optional<EntryId> entryId(Connection c, long key) throws SQLException {
        return MessageTable.findByRowId(c, key).map(MessageRow::entryId);
    }

    private static boolean deletesLocal(Connection c, long key) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, "SELECT 1 FROM sent_copy WHERE message = ? AND delete_local = 1",
                key); ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public int retryFailed() {
        int count = database.write("retry the failed copies", c -> Database.update(c, "UPDATE sent_copy SET "
                + "state = 'PENDING', due_at = ?, attempts = 0, first_failure_at = NULL WHERE state = 'FAILED'",
                clock.millis()));
        if (count > 0) {
            // Wakes this process's copier; another process's sees the database change.
            events.publish(new QueueEvent.ExternalChange());
        }
        return count;
    }

    @Override
    public List<SentCopyEntry> unfinished() {
        return database.read("list the copies for the Sent folder", c -> {
            List<SentCopyEntry> result = new ArrayList<>();
            try (PreparedStatement s = Database.prepare(c, """
                    SELECT m.id, m.entry_id, m.subject, m.message_id, sc.account, sc.state, sc.attempts, sc.due_at,
                           sc.last_error
                    FROM sent_copy sc JOIN message m ON m.id = sc.message
                    WHERE sc.state IN ('PENDING', 'FAILED') ORDER BY m.sent_at, m.id"""); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    result.add(new SentCopyEntry(new EntryId(rs.getString(2)), rs.getString(3), to(c, rs.getLong(1)),
                            rs.getString(4), rs.getString(5), SentCopyState.valueOf(rs.getString(6)), rs.getInt(7),
                            instant(rs, 8), rs.getString(9)));
                }
            }
            return result;
        });
    }

    @Override
    public SentCopyState stateOf(EntryId anyId) {
        return database.read("look up the copy for the Sent folder", c -> {
            Optional<Long> rowId = MessageTable.historicRowId(c, anyId);
            if (rowId.isEmpty()) {
                return SentCopyState.OFF;
            }
            try (PreparedStatement s = Database.prepare(c, "SELECT state FROM sent_copy WHERE message = ?", rowId.get());
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? SentCopyState.valueOf(rs.getString(1)) : SentCopyState.OFF;
            }
        });
    }

    @Override
    public StoreSettings settings() {
        return settings;
    }

    private static List<MailAddress> to(Connection c, long rowId) throws SQLException {
        return MessageTable.loadRecipients(c, rowId).stream().filter(r -> r.type() == RecipientType.TO)
                .map(Recipient::address).toList();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
