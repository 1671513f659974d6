package dev.envoi.store;

import dev.envoi.message.MailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The To and Cc of many messages in one query: listing 10,000 queued messages one recipient
 * query each took seconds (issue 21). Callers hold the transaction.
 */
final class VisibleRecipients {

    private VisibleRecipients() {
    }

    static String query(String messages) {
        return "SELECT message, display_name, address FROM recipient WHERE message IN (" + messages + ") "
                + "AND type <> 'BCC' ORDER BY message, position";
    }

    /** Each message's visible recipients, by row id; {@code messages} is a query of row ids. */
    static Map<Long, List<MailAddress>> of(Connection c, String messages, Object... args) throws SQLException {
        Map<Long, List<MailAddress>> byMessage = new HashMap<>();
        try (PreparedStatement s = Database.prepare(c, query(messages), args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                byMessage.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>(2))
                        .add(new MailAddress(rs.getString(2), rs.getString(3)));
            }
        }
        return byMessage;
    }
}
