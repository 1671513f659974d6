package dev.envoi.store;

import dev.envoi.message.MailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drafts and Sent, a page at a time: a year of mail is 100,000 sent messages and thousands of
 * drafts, which the lists read only as far as they are scrolled (issue 21). Both queries walk the
 * index on (folder, modified_at, id), newest first, so a page deep in the folder costs index
 * steps, never a sort of the whole folder (QueryPlanTest checks the plans). Callers hold the
 * transaction.
 */
final class FolderPages {

    /** Messages whose only copy is on its way to the server's Sent folder are not listed. */
    private static final String LISTED = "folder = ? AND id NOT IN (SELECT message FROM sent_copy WHERE delete_local = 1)";
    /**
     * The folder's size as the triggers keep it (Schema), less the few on their way out: an index
     * lookup and a walk of the partial index of those, never of the folder (issue 21). CROSS JOIN
     * keeps sent_copy the outer loop: SQLite would otherwise walk the folder's index entries.
     */
    static final String COUNT = "SELECT messages - (SELECT count(*) FROM sent_copy CROSS JOIN message ON message.id = sent_copy.message "
            + "WHERE sent_copy.delete_local = 1 AND message.folder = ?) FROM folder_size WHERE folder = ?";
    static final String COUNT_RETURNED = "SELECT count(*) FROM message WHERE folder = 'DRAFTS' AND return_reason <> ''";
    private static final String LISTED_COLUMNS = "SELECT id, entry_id, subject, size, modified_at, return_reason, message_id, account "
            + "FROM message WHERE " + LISTED;
    private static final String IDS = "SELECT id FROM message WHERE " + LISTED;
    private static final String AT_OFFSET = " ORDER BY modified_at DESC, id DESC LIMIT ? OFFSET ?";
    /** The page after a row already read: the index is entered at that row, not walked from the top. */
    private static final String AFTER_KEY = " AND (modified_at, id) < (?, ?) ORDER BY modified_at DESC, id DESC LIMIT ?";
    static final String PAGE = LISTED_COLUMNS + AT_OFFSET;
    static final String AFTER = LISTED_COLUMNS + AFTER_KEY;

    /** Rows of a folder and the key of the last of them (modified_at, id), for the page after. */
    record Page(List<MessageSummary> rows, long lastModifiedAt, long lastId) {
    }

    private FolderPages() {
    }

    static int count(Connection c, Folder folder) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, COUNT, folder.name(), folder.name()); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Drafts the server refused, back with the reason: a window and `send` say how many wait. */
    static int countReturned(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT_RETURNED); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static List<MessageSummary> page(Connection c, Folder folder, int offset, int limit) throws SQLException {
        return pageAt(c, folder, offset, limit).rows();
    }

    static Page pageAt(Connection c, Folder folder, int offset, int limit) throws SQLException {
        return read(c, limit, AT_OFFSET, folder.name(), limit, offset);
    }

    static Page pageAfter(Connection c, Folder folder, long modifiedAt, long id, int limit) throws SQLException {
        return read(c, limit, AFTER_KEY, folder.name(), modifiedAt, id, limit);
    }

    /** The rows {@code order} selects, with their recipients in one query, not one per row. */
    private static Page read(Connection c, int limit, String order, Object... args) throws SQLException {
        List<MessageSummary> page = new ArrayList<>(Math.max(0, Math.min(limit, 1_000)));
        long lastModifiedAt = 0;
        long lastId = 0;
        Map<Long, List<MailAddress>> to = VisibleRecipients.of(c, IDS + order, args);
        try (PreparedStatement s = Database.prepare(c, LISTED_COLUMNS + order, args);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                page.add(OutboxQueries.summary(rs, to.getOrDefault(rs.getLong(1), List.of())));
                lastId = rs.getLong(1);
                lastModifiedAt = rs.getLong(5);
            }
        }
        return new Page(page, lastModifiedAt, lastId);
    }
}
