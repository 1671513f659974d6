package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: opening a big profile must not read every page of it each time, and must still refuse
 * a damaged file. The whole-file check is skipped only for a database exactly as Envoi's clean
 * close left it; after a crash, a write by another program, or a copy, it runs as before.
 */
class CleanCloseTest {

    private static final int PAGE = 4096;

    @TempDir
    Path profile;

    private Path database() {
        return profile.resolve(SqliteMessageStore.DATABASE_FILE);
    }

    private void fill() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (int i = 0; i < 40; i++) {
                store.save(Drafts.draft("filler " + i + " " + "x".repeat(1500)));
            }
        }
    }

    @Test
    void aCleanlyClosedProfileIsNotReadWholeAtTheNextOpen() {
        assertEquals(DatabaseFileCheck.Depth.NEW, DatabaseFileCheck.check(database(), false));
        fill();
        assertTrue(Files.exists(CleanClose.stampOf(database())), "the clean close left its stamp");

        assertEquals(DatabaseFileCheck.Depth.STAMPED, DatabaseFileCheck.check(database(), false));
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertFalse(Files.exists(CleanClose.stampOf(database())), "an open profile has no stamp");
            assertEquals(40, store.drafts().size());
        }
        assertEquals(DatabaseFileCheck.Depth.STAMPED, DatabaseFileCheck.check(database(), false), "closed cleanly again");
    }

    @Test
    void aProfileWrittenByAnotherProgramIsReadWhole() throws Exception {
        fill();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database()); Statement s = c.createStatement()) {
            s.execute("UPDATE message SET subject = 'changed behind Envoi' WHERE id = (SELECT min(id) FROM message)");
        }
        assertEquals(DatabaseFileCheck.Depth.WHOLE, DatabaseFileCheck.check(database(), false));
    }

    @Test
    void aProfileLeftByACrashIsReadWhole() throws Exception {
        fill();
        Path crashed = Files.createDirectory(profile.resolve("crashed"));
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.save(Drafts.draft("written just before the power went"));
            // What the disk holds if the process dies now: the file and its WAL, no close.
            for (String name : new String[] {"", "-wal"}) {
                Path file = profile.resolve(SqliteMessageStore.DATABASE_FILE + name);
                Files.copy(file, crashed.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        assertEquals(DatabaseFileCheck.Depth.WHOLE, DatabaseFileCheck.check(crashed.resolve(SqliteMessageStore.DATABASE_FILE), false));
    }

    @Test
    void aDamagedPageIsFoundWhenTheFileChangedBehindEnvoi() throws Exception {
        fill();
        byte[] bytes = Files.readAllBytes(database());
        int damaged = 0;
        // Every table leaf page after the first gets a page type SQLite does not know.
        for (int page = 1; page < bytes.length / PAGE; page++) {
            if (bytes[page * PAGE] == 0x0D) {
                bytes[page * PAGE] = 0x03;
                damaged++;
            }
        }
        assertTrue(damaged > 0, "the filler made table pages");
        Files.write(database(), bytes);

        StoreOpenException e = assertThrows(StoreOpenException.class, () -> SqliteMessageStore.open(profile));
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(database()));
    }

    @Test
    void aFileCutShortIsRefusedFromItsHeaderEvenWithAStampThatMatches() throws Exception {
        fill();
        byte[] all = Files.readAllBytes(database());
        Files.write(database(), java.util.Arrays.copyOf(all, all.length - PAGE));
        // A stamp forged to match the cut file: only the header's own size can tell.
        Files.delete(CleanClose.stampOf(database()));
        CleanClose.record(database());

        StoreOpenException e = assertThrows(StoreOpenException.class, () -> SqliteMessageStore.open(profile));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("header counts"), e.getMessage());
    }

    private static void assertArrayEquals(byte[] expected, byte[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, "the file is left as it was");
    }
}
