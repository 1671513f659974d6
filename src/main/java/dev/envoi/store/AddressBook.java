package dev.envoi.store;

import dev.envoi.message.MailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses the user has sent to, for auto-completion; callers hold the transaction.
 *
 * <p>Auto-completion runs at each keystroke and must stay quick with 50,000 known addresses (issue
 * 21). A rare prefix is best answered by searching the address and name indexes and sorting the
 * few matches by use; a common one (one or two letters, a frequent first name) matches thousands,
 * and sorting them all to keep 8 took tens of milliseconds. For those the book is walked in use
 * order on an index that holds the address and the name, stopping at the 8th match: when many
 * addresses match, the most used are near the top. A bounded count tells the two apart. Both
 * give the same addresses in the same order (most used, then last used, then the address).
 */
final class AddressBook {

    /** A prefix matching at least this many addresses is answered by the walk in use order. */
    static final int CROWD = 200;
    private static final String MATCHES = "(address LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\')";
    private static final String RANK = " ORDER BY use_count DESC, last_used DESC, address LIMIT ?";
    /** For a rare prefix: QueryPlanTest checks it searches two indexes and sorts only the matches. */
    static final String MATCHING = "SELECT display_name, address FROM address_book WHERE " + MATCHES + RANK;
    /** How many match, counting no further than {@link #CROWD}: an index search that stops early. */
    static final String CROWDED = "SELECT count(*) FROM (SELECT 1 FROM address_book WHERE " + MATCHES + " LIMIT ?)";
    /** For a common prefix: QueryPlanTest checks it walks address_book_by_use without a sort. */
    static final String WALKING = "SELECT display_name, address FROM address_book INDEXED BY address_book_by_use WHERE "
            + MATCHES + RANK;

    private AddressBook() {
    }

    static void recordUse(Connection c, MailAddress address, long now) throws SQLException {
        Database.update(c, """
                INSERT INTO address_book (address, display_name, use_count, last_used) VALUES (?, ?, 1, ?)
                ON CONFLICT (address) DO UPDATE SET use_count = use_count + 1, last_used = excluded.last_used,
                  display_name = CASE WHEN excluded.display_name = '' THEN display_name ELSE excluded.display_name END""",
                address.address(), address.displayName(), now);
    }

    static List<MailAddress> matching(Connection c, String prefix, int limit) throws SQLException {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return addresses(c, crowded(c, pattern) ? WALKING : MATCHING, pattern, limit);
    }

    private static boolean crowded(Connection c, String pattern) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, CROWDED, pattern, pattern, CROWD);
             ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getInt(1) >= CROWD;
        }
    }

    static List<MailAddress> addresses(Connection c, String query, String pattern, int limit) throws SQLException {
        List<MailAddress> result = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c, query, pattern, pattern, limit);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new MailAddress(rs.getString(1), rs.getString(2)));
            }
        }
        return result;
    }
}
