package dev.envoi.store;

import dev.envoi.message.Draft;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which table or index each page a submit writes belongs to (issue 21, bar 2): submits the
 * benchmark's 10 KB message N times into a profile, reads each commit's pages from the
 * write-ahead log, and names them with SQLite's {@code dbstat} table after the last one. Changes
 * the profile: give it a copy.
 *
 * <p>By hand: {@code java -cp target/test-classes:target/classes:<dependencies> dev.envoi.store.SubmitPageMap
 * PROFILE [submits]}.
 */
public final class SubmitPageMap {

    private SubmitPageMap() {
    }

    public static void main(String[] args) throws Exception {
        Path profile = Path.of(args[0]);
        int submits = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        List<List<Integer>> commits = new ArrayList<>();
        Map<Integer, String> owners;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (int i = 0; i < submits; i++) {
                List<Integer> before = WalFrames.pages(profile);
                store.submit(new Draft(SubmitPagesTest.tenKilobytes(i)),
                        MessageStore.SubmitOptions.undo(Duration.ofSeconds(60)));
                commits.add(WalFrames.added(before, WalFrames.pages(profile)));
            }
            owners = owners(profile);
        }
        Map<String, Integer> pages = new TreeMap<>();
        commits.forEach(commit -> commit.forEach(page -> pages.merge(owners.getOrDefault(page, "(free list)"), 1, Integer::sum)));
        List<Integer> sizes = commits.stream().map(List::size).sorted().toList();
        System.out.printf("%s: %d submits, pages a commit: median %d, mean %.2f, max %d%n", profile, submits,
                sizes.get(sizes.size() / 2), sizes.stream().mapToInt(Integer::intValue).average().orElse(0),
                sizes.get(sizes.size() - 1));
        pages.forEach((name, count) -> System.out.printf("  %-34s %.2f%n", name, count / (double) submits));
    }

    /** Each page's b-tree, by name (overflow pages of a table's long rows said as such). */
    static Map<Integer, String> owners(Path profile) throws SQLException {
        Map<Integer, String> owners = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pageno, name, pagetype FROM dbstat")) {
            while (rs.next()) {
                owners.put(rs.getInt(1), rs.getString(2) + ("overflow".equals(rs.getString(3)) ? " (overflow)" : ""));
            }
        }
        return owners;
    }
}
