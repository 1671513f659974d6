package dev.envoi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a profile holds on disk, read behind the store's back for tests and benchmarks: vault
 * files that no message uses (orphans), files a message uses but the vault lacks, and row counts.
 */
public record ProfileAudit(long vaultFiles, long orphanFiles, long missingFiles, long messages, long historyRows) {

    public static ProfileAudit of(Path profile) throws IOException, SQLException {
        Set<String> referenced = new HashSet<>();
        long messages;
        long history;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT sha256 FROM attachment")) {
                while (rs.next()) {
                    referenced.add(rs.getString(1));
                }
            }
            messages = count(s, "SELECT count(*) FROM message");
            history = count(s, "SELECT count(*) FROM entry_history");
        }
        Path vault = profile.resolve(SqliteMessageStore.VAULT_FOLDER);
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.walk(vault, 2)) {
            files.filter(Files::isRegularFile).filter(f -> !f.getParent().getFileName().toString().equals(".incoming"))
                    .forEach(f -> present.add(f.getFileName().toString()));
        }
        long orphans = present.stream().filter(h -> !referenced.contains(h)).count();
        long missing = referenced.stream().filter(h -> !present.contains(h)).count();
        return new ProfileAudit(present.size(), orphans, missing, messages, history);
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
