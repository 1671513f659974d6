package dev.envoi.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A test's own look into a profile's database file, beside the open store (WAL lets both in). */
final class ProfileSql {

    private ProfileSql() {
    }

    /** The first column of each row, as numbers. */
    static List<Long> longs(java.nio.file.Path profile, String sql) throws SQLException {
        try (Connection c = connect(profile); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Long> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
            return values;
        }
    }

    static void execute(java.nio.file.Path profile, String sql) throws SQLException {
        try (Connection c = connect(profile); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Connection connect(java.nio.file.Path profile) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
    }
}
