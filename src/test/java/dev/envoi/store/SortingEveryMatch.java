package dev.envoi.store;

import dev.envoi.message.MailAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Auto-completion as it was before the walk in use order (issue 21): every address or name
 * starting with the prefix, all sorted by use, the first taken. Tests check the store still gives
 * what this gave; benchmark 8 times it beside the store, keystroke by keystroke, on the same book.
 */
public final class SortingEveryMatch implements AutoCloseable {

    private static final String QUERY = """
            SELECT display_name, address FROM address_book
            WHERE address LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\'
            ORDER BY use_count DESC, last_used DESC LIMIT ?""";

    private final Connection connection;
    private final PreparedStatement query;

    private SortingEveryMatch(Connection connection) throws SQLException {
        this.connection = connection;
        this.query = connection.prepareStatement(QUERY);
    }

    /** Opens the profile's database beside the store (both only read the address book). */
    public static SortingEveryMatch open(Path profile) throws SQLException {
        return new SortingEveryMatch(DriverManager.getConnection("jdbc:sqlite:"
                + profile.resolve(SqliteMessageStore.DATABASE_FILE)));
    }

    public List<MailAddress> matching(String prefix, int limit) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<MailAddress> result = new ArrayList<>();
        try {
            query.setString(1, pattern);
            query.setString(2, pattern);
            query.setInt(3, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    result.add(new MailAddress(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    @Override
    public void close() throws SQLException {
        query.close();
        connection.close();
    }
}
