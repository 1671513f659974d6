package dev.envoi.store;

import dev.envoi.message.MailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Addresses the user has sent to, for auto-completion; callers hold the transaction. */
final class AddressBook {

    /** Auto-completion's query, run at each keystroke: QueryPlanTest checks it searches two indexes. */
    static final String MATCHING = """
            SELECT display_name, address FROM address_book
            WHERE address LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\'
            ORDER BY use_count DESC, last_used DESC LIMIT ?""";

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
        List<MailAddress> result = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c, MATCHING, pattern, pattern, limit);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new MailAddress(rs.getString(1), rs.getString(2)));
            }
        }
        return result;
    }
}
