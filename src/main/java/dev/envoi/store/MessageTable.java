package dev.envoi.store;

import dev.envoi.message.Attachment;
import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.MessageFlags;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.message.UnparsedRecipient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes the message, recipient and attachment rows; callers hold the transaction. */
final class MessageTable {

    private static final String ROW_COLUMNS =
            "id, entry_id, folder, flags, state, handed_off_at, content_hash, message_id, return_reason, refused_recipients";

    private MessageTable() {
    }

    static Optional<MessageRow> find(Connection c, EntryId id) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, "SELECT " + ROW_COLUMNS + " FROM message WHERE entry_id = ?",
                id.value()); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    static Optional<MessageRow> findByRowId(Connection c, long rowId) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, "SELECT " + ROW_COLUMNS + " FROM message WHERE id = ?", rowId);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    /**
     * The row a once-valid id belonged to, wherever the message has moved since: its current id
     * is on the row itself, an id it left behind in the history (see {@link #retireId}).
     */
    static Optional<Long> historicRowId(Connection c, EntryId id) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, """
                SELECT id FROM message WHERE entry_id = ?1
                UNION ALL SELECT message FROM entry_history WHERE entry_id = ?1 LIMIT 1""", id.value());
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    /**
     * Keeps the row's current id in the history as it stops being current: before a move gives
     * the row a new id, before the row is deleted. A message's history is written when it leaves
     * an id behind, not when it is given one, so a submit writes none of the history's three
     * b-trees (issue 21: on a year of older, random ids, a new id lands mid-index where a leaf
     * splits often). Profiles written before hold the current ids too; those are kept as they are.
     */
    static void retireId(Connection c, long rowId) throws SQLException {
        Database.update(c, "INSERT OR IGNORE INTO entry_history (entry_id, message) SELECT entry_id, id FROM message "
                + "WHERE id = ?", rowId);
    }

    /** A new row in Drafts. */
    static long insert(Connection c, EntryId id, DraftContent content, MessageFlags flags, long now) throws SQLException {
        return insert(c, id, content, flags, now, null);
    }

    /**
     * A new row: in Drafts when {@code queueing} is null, else straight into the outbox, queued,
     * with the queue's columns set in the same statement.
     */
    static long insert(Connection c, EntryId id, DraftContent content, MessageFlags flags, long now, Queueing queueing)
            throws SQLException {
        MailAddress from = content.from();
        boolean queued = queueing != null;
        try (PreparedStatement s = Database.prepare(c, """
                INSERT INTO message (entry_id, folder, flags, from_name, from_address, subject, body, content_hash,
                                     size, created_at, modified_at, notify_delivery, read_receipt, body_html, plain_text_only,
                                     state, message_id, submitted_at, due_at, account)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id.value(), (queued ? Folder.OUTBOX : Folder.DRAFTS).name(), flags.toBits(),
                from == null ? null : from.displayName(), from == null ? null : from.address(),
                content.subject(), content.body(), ContentDigest.of(content), estimatedSize(content), now, now,
                bit(content.deliveryRequests().notifyDelivery()), bit(content.deliveryRequests().readReceipt()),
                content.formatting().html(), bit(content.formatting().plainTextOnly()),
                queued ? QueueState.QUEUED.name() : null, queued ? queueing.messageId() : null,
                queued ? queueing.submittedAt() : null, queued ? queueing.dueAt() : null,
                queued ? queueing.account() : null)) {
            s.executeUpdate();
        }
        long rowId = lastRowId(c);
        writeParts(c, rowId, content);
        return rowId;
    }

    static void updateContent(Connection c, long rowId, DraftContent content, MessageFlags flags, long now)
            throws SQLException {
        MailAddress from = content.from();
        Database.update(c, """
                UPDATE message SET flags = ?, from_name = ?, from_address = ?, subject = ?, body = ?, content_hash = ?,
                                   size = ?, modified_at = ?, notify_delivery = ?, read_receipt = ?, body_html = ?,
                                   plain_text_only = ?
                WHERE id = ?""",
                flags.toBits(), from == null ? null : from.displayName(), from == null ? null : from.address(),
                content.subject(), content.body(), ContentDigest.of(content), estimatedSize(content), now,
                bit(content.deliveryRequests().notifyDelivery()), bit(content.deliveryRequests().readReceipt()),
                content.formatting().html(), bit(content.formatting().plainTextOnly()), rowId);
        Database.update(c, "DELETE FROM recipient WHERE message = ?", rowId);
        Database.update(c, "DELETE FROM unparsed_recipient WHERE message = ?", rowId);
        Database.update(c, "DELETE FROM attachment WHERE message = ?", rowId);
        writeParts(c, rowId, content);
    }

    /**
     * Moves a message to another folder under a new id; the old id stops resolving. The state
     * changes in the same statement, since the schema allows one exactly in the OUTBOX folder.
     */
    static EntryId move(Connection c, long rowId, Folder folder, QueueState state, MessageFlags flags, long now)
            throws SQLException {
        return move(c, rowId, folder, state, flags, now, "");
    }

    /**
     * Moves a saved draft into the outbox, queued, with the queue's columns set and those of any
     * earlier trip through the queue cleared, all in the move's one statement.
     */
    static EntryId queue(Connection c, long rowId, MessageFlags flags, long now, Queueing queueing) throws SQLException {
        return move(c, rowId, Folder.OUTBOX, QueueState.QUEUED, flags, now, """
                , message_id = ?, submitted_at = ?, due_at = ?, account = ?, attempts = 0, first_failure_at = NULL,
                  last_error = NULL, handed_off_at = NULL, return_reason = NULL, refused_recipients = NULL""",
                queueing.messageId(), queueing.submittedAt(), queueing.dueAt(), queueing.account());
    }

    private static EntryId move(Connection c, long rowId, Folder folder, QueueState state, MessageFlags flags, long now,
                                String moreColumns, Object... moreValues) throws SQLException {
        retireId(c, rowId);
        EntryId newId = EntryId.timeOrdered(now);
        Object[] values = new Object[5 + moreValues.length + 1];
        values[0] = newId.value();
        values[1] = folder.name();
        values[2] = state == null ? null : state.name();
        values[3] = flags.toBits();
        values[4] = now;
        System.arraycopy(moreValues, 0, values, 5, moreValues.length);
        values[values.length - 1] = rowId;
        Database.update(c, "UPDATE message SET entry_id = ?, folder = ?, state = ?, flags = ?, modified_at = ?"
                + moreColumns + " WHERE id = ?", values);
        return newId;
    }

    static DraftContent loadContent(Connection c, long rowId) throws SQLException {
        MailAddress from;
        String subject;
        String body;
        DeliveryRequests requests;
        BodyFormatting formatting;
        try (PreparedStatement s = Database.prepare(c, "SELECT from_name, from_address, subject, body, notify_delivery, "
                        + "read_receipt, body_html, plain_text_only FROM message WHERE id = ?",
                rowId);
             ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("message row " + rowId + " vanished");
            }
            from = rs.getString(2) == null ? null : new MailAddress(rs.getString(1), rs.getString(2));
            subject = rs.getString(3);
            body = rs.getString(4);
            requests = new DeliveryRequests(rs.getInt(5) != 0, rs.getInt(6) != 0);
            formatting = new BodyFormatting(rs.getString(7), rs.getInt(8) != 0);
        }
        return new DraftContent(from, loadRecipients(c, rowId), subject, body, loadAttachments(c, rowId), requests,
                formatting, loadUnparsed(c, rowId));
    }

    static List<Recipient> loadRecipients(Connection c, long rowId) throws SQLException {
        List<Recipient> recipients = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c,
                "SELECT type, display_name, address FROM recipient WHERE message = ? ORDER BY position", rowId);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                recipients.add(new Recipient(RecipientType.valueOf(rs.getString(1)),
                        new MailAddress(rs.getString(2), rs.getString(3))));
            }
        }
        return recipients;
    }

    /** What was typed as a recipient and is no address (a draft keeps it for the user to correct). */
    private static List<UnparsedRecipient> loadUnparsed(Connection c, long rowId) throws SQLException {
        List<UnparsedRecipient> unparsed = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c,
                "SELECT type, text FROM unparsed_recipient WHERE message = ? ORDER BY position", rowId);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                unparsed.add(new UnparsedRecipient(RecipientType.valueOf(rs.getString(1)), rs.getString(2)));
            }
        }
        return unparsed;
    }

    private static List<Attachment> loadAttachments(Connection c, long rowId) throws SQLException {
        List<Attachment> attachments = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c,
                "SELECT file_name, media_type, size, sha256 FROM attachment WHERE message = ? ORDER BY position", rowId);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                attachments.add(new Attachment(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return attachments;
    }

    static long estimatedSize(DraftContent content) {
        long body = (content.body().length() + content.formatting().html().length()) * 3L;
        long attachments = content.attachments().stream().mapToLong(a -> a.size() * 4 / 3 + 300).sum();
        return 1024 + body + attachments;
    }

    private static void writeParts(Connection c, long rowId, DraftContent content) throws SQLException {
        int position = 0;
        for (Recipient r : content.recipients()) {
            Database.update(c, "INSERT INTO recipient (message, position, type, display_name, address) VALUES (?, ?, ?, ?, ?)",
                    rowId, position++, r.type().name(), r.address().displayName(), r.address().address());
        }
        position = 0;
        for (UnparsedRecipient u : content.unparsed()) {
            Database.update(c, "INSERT INTO unparsed_recipient (message, position, type, text) VALUES (?, ?, ?, ?)",
                    rowId, position++, u.type().name(), u.text());
        }
        position = 0;
        for (Attachment a : content.attachments()) {
            Database.update(c, """
                    INSERT INTO attachment (message, position, file_name, media_type, size, sha256)
                    VALUES (?, ?, ?, ?, ?, ?)""", rowId, position++, a.fileName(), a.mediaType(), a.size(), a.sha256());
        }
    }

    private static int bit(boolean value) {
        return value ? 1 : 0;
    }

    private static long lastRowId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static MessageRow row(ResultSet rs) throws SQLException {
        long handedOff = rs.getLong(6);
        Long handedOffAt = rs.wasNull() ? null : handedOff;
        return new MessageRow(rs.getLong(1), new EntryId(rs.getString(2)), Folder.valueOf(rs.getString(3)),
                MessageFlags.fromBits(rs.getInt(4)), rs.getString(5), handedOffAt, rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10));
    }
}
