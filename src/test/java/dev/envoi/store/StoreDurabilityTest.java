package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What makes a save durable: the connection's settings, and a commit before save returns. */
@Timeout(60)
class StoreDurabilityTest {

    @TempDir
    Path profile;

    @Test
    void theConnectionUsesWalFullSyncForeignKeysAndABusyTimeout() {
        SqliteMessageStore.open(profile).close();
        try (Database database = Database.open(profile.resolve(SqliteMessageStore.DATABASE_FILE))) {
            database.read("check the settings", c -> {
                assertEquals("wal", pragma(c, "journal_mode"));
                assertEquals("2", pragma(c, "synchronous"), "FULL; NORMAL can lose the last commits on power loss");
                assertEquals("1", pragma(c, "foreign_keys"));
                assertEquals("1", pragma(c, "fullfsync"), "F_FULLFSYNC where the OS has it (macOS)");
                assertTrue(Integer.parseInt(pragma(c, "busy_timeout")) >= 5000, "waits for another process's write");
                return null;
            });
        }
    }

    @Test
    void aSaveIsCommittedBeforeItReturnsEvenIfTheProcessDiesAtOnce() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SaveThenDie.class.getName(), profile.toString())
                .redirectErrorStream(true).start();
        String id;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            id = out.readLine();
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(SaveThenDie.EXIT, child.exitValue(), "died without closing the store: " + id);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals("saved just before the crash", store.openDraft(new EntryId(id)).content().subject());
        }
    }

    private static String pragma(Connection c, String name) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    /** Run in a child process: saves a draft, prints its id, and halts without closing anything. */
    public static final class SaveThenDie {
        static final int EXIT = 42;

        public static void main(String[] args) {
            SqliteMessageStore store = SqliteMessageStore.open(Path.of(args[0]));
            Draft draft = Drafts.draft("saved just before the crash");
            store.save(draft);
            System.out.println(draft.id());
            System.out.flush();
            Runtime.getRuntime().halt(EXIT);
        }
    }
}
