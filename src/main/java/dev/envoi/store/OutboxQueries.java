package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queries behind the outbox, folder lists and the spooler's pick; callers hold the transaction. */
final class OutboxQueries {

    private static final Sentences WORDS = Sentences.of(OutboxQueries.class);
    /** The states in which a message waits for its due time. */
    private static final String DUE_STATES = "(" + QueueState.QUEUED.literal() + ", " + QueueState.RETRYING.literal() + ")";
    /** The outbox's order, first submitted first; a page of it, or all with a limit of -1. */
    private static final String OUTBOX_ORDER = "FROM message WHERE folder = 'OUTBOX' ORDER BY submitted_at, id LIMIT ? OFFSET ?";
    private static final String LISTED = "SELECT id, entry_id, state, subject, size, attempts, due_at, last_error, "
            + "message_id, submitted_at, account ";
    static final String OUTBOX = LISTED + OUTBOX_ORDER;
    /** One message of the outbox, by its current id (the entry_id index). */
    private static final String ONE = "FROM message WHERE folder = 'OUTBOX' AND entry_id = ?";
    /** The row ids of the same page, for its recipients in one query. */
    static final String OUTBOX_IDS = "SELECT id " + OUTBOX_ORDER;
    /** Kept by triggers (Schema): 10,000 queued are counted without walking 10,000 entries. */
    static final String OUTBOX_COUNT = "SELECT messages FROM folder_size WHERE folder = 'OUTBOX'";
    /** The spooler's pick; QueryPlanTest checks it walks an index in order rather than sorting the queue. */
    static final String NEXT_DUE = "SELECT id FROM message WHERE folder = 'OUTBOX' AND state IN " + DUE_STATES
            + " AND due_at <= ? ORDER BY submitted_at, id LIMIT 1";

    List<OutboxEntry> outbox(Connection c) throws SQLException {
        return outboxPage(c, 0, -1);
    }

    int outboxCount(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(OUTBOX_COUNT); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** At most {@code limit} messages of the outbox from {@code offset} (-1: all), in the queue's order. */
    List<OutboxEntry> outboxPage(Connection c, int offset, int limit) throws SQLException {
        return entries(c, OUTBOX, OUTBOX_IDS, limit, offset);
    }

    /** The message if it is in the outbox, without listing the outbox. */
    Optional<OutboxEntry> outboxEntry(Connection c, EntryId id) throws SQLException {
        return entries(c, LISTED + ONE, "SELECT id " + ONE, id.value()).stream().findFirst();
    }

    /** The outbox rows {@code listed} selects, with the recipients of the row ids {@code ids} selects. */
    private static List<OutboxEntry> entries(Connection c, String listed, String ids, Object... args) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        java.util.Map<Long, List<MailAddress>> to = VisibleRecipients.of(c, ids, args);
        try (PreparedStatement s = Database.prepare(c, listed, args);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                EntryId id = new EntryId(rs.getString(2));
                entries.add(new OutboxEntry(id, QueueState.of(id, rs.getString(3)).outboxState(), rs.getString(4),
                        to.getOrDefault(rs.getLong(1), List.of()), rs.getLong(5), rs.getInt(6), instant(rs, 7), rs.getString(8),
                        rs.getString(9), instant(rs, 10), Optional.ofNullable(rs.getString(11))));
            }
        }
        return entries;
    }

    List<MessageSummary> summaries(Connection c, Folder folder) throws SQLException {
        return FolderPages.page(c, folder, 0, -1);
    }

    /** A row of id, entry_id, subject, size, modified_at, return_reason, message_id, account as a summary. */
    static MessageSummary summary(ResultSet rs, List<MailAddress> to) throws SQLException {
        // Each column read once: every read copies the text out of SQLite (a year of Sent is read as it scrolls).
        String returnReason = rs.getString(6);
        return new MessageSummary(new EntryId(rs.getString(2)), rs.getString(3), to,
                rs.getLong(4), instant(rs, 5), returnReason == null ? "" : returnReason, rs.getString(7),
                Optional.ofNullable(rs.getString(8)));
    }

    Optional<MessageFate> fate(Connection c, EntryId anyId) throws SQLException {
        Optional<Long> rowId = MessageTable.historicRowId(c, anyId);
        if (rowId.isEmpty()) {
            return Optional.empty();
        }
        Optional<MessageRow> row = MessageTable.findByRowId(c, rowId.get());
        if (row.isEmpty()) {
            return Optional.of(new MessageFate(anyId, Folder.DELETED, Optional.empty(), ""));
        }
        MessageRow r = row.get();
        Optional<OutboxState> state = r.folder() == Folder.OUTBOX ? Optional.of(r.queueState().outboxState()) : Optional.empty();
        // Back in Drafts, only a refusal is a reason: a user's cancel leaves none, whatever failed before.
        String reason = r.folder() == Folder.DRAFTS ? r.returnReason() : lastErrorOrReply(c, r.rowId());
        return Optional.of(new MessageFate(r.entryId(), r.folder(), state, reason == null ? "" : reason));
    }

    Optional<Instant> nextDueAt(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT min(due_at) FROM message WHERE folder = 'OUTBOX' AND state IN\s""" + DUE_STATES);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
        }
    }

    /**
     * Locks the due message submitted first (SUBMITFLAG_LOCKED) and reads it; the caller holds the
     * write transaction. Among the messages due now the queue is first in, first out, like MAPI's
     * outgoing queue ordered by submit time; a message waiting for a retry is not due, so it never
     * holds up the ones behind it.
     */
    Optional<Pick> lockNextDue(Connection c, Instant now) throws SQLException {
        long rowId;
        try (PreparedStatement s = Database.prepare(c, NEXT_DUE, now.toEpochMilli());
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            rowId = rs.getLong(1);
        }
        MessageRow row = MessageTable.findByRowId(c, rowId).orElseThrow();
        DraftContent content = MessageTable.loadContent(c, rowId);
        if (!ContentDigest.of(content).equals(row.contentHash())) {
            QueueRows.move(c, row, QueueState.FAILED, "last_error = ?", WORDS.get("record.damagedContent"));
            return Optional.of(new Pick.Damaged(row.entryId()));
        }
        QueueRows.move(c, row, QueueState.SENDING, "attempts = attempts + 1");
        try (PreparedStatement s = Database.prepare(c,
                "SELECT submitted_at, attempts, first_failure_at, account FROM message WHERE id = ?", rowId);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return Optional.of(new Pick.Locked(new QueuedMessage(row.entryId(), row.messageId(), instant(rs, 1), content,
                    rs.getInt(2), instant(rs, 3), Optional.ofNullable(rs.getString(4)))));
        }
    }

    private static String lastErrorOrReply(Connection c, long rowId) throws SQLException {
        try (PreparedStatement s = Database.prepare(c,
                "SELECT CASE WHEN folder = 'SENT' THEN server_reply ELSE last_error END FROM message WHERE id = ?", rowId);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** What the spooler's pick found: a message now locked, or one marked damaged instead. */
    sealed interface Pick {
        record Locked(QueuedMessage message) implements Pick {
        }

        record Damaged(EntryId id) implements Pick {
        }
    }
}
