package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folders' sizes the Outbox window shows are kept by triggers (issue 21: counting a year of
 * Sent walked 100,000 index entries at each opening). Whatever moves a message (saving, submitting,
 * cancelling, deleting, the spooler's filing in Sent, retention), each count the real store gives
 * equals the messages counted one by one, on a profile made before the counts were kept too.
 */
class FolderSizeTest {

    @TempDir
    Path profile;

    @Test
    void theKeptCountsFollowEveryMove() throws Exception {
        BigProfile.generate(profile, new BigProfile.Size(40, 10, 7, 5, 10), 21);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertCountsTrue(store, 40, 7, 5);
            store.save(Drafts.draft("Saved"));
            EntryId queued = store.submit(Drafts.draft("Submitted"), SubmitOptions.undo(Duration.ofMinutes(5)));
            assertCountsTrue(store, 40, 8, 6);
            EntryId back = store.abortSubmit(queued);
            assertCountsTrue(store, 40, 9, 5);
            store.deleteDraft(back);
            assertCountsTrue(store, 40, 8, 5);
            deliverAll(store);
            assertCountsTrue(store, 45, 8, 0);
            store.settings().setSentRetention(SentRetention.messages(30));
            store.applySentRetention();
            assertCountsTrue(store, 30, 8, 0);
        }
    }

    @Test
    void aProfileFromBeforeIsCountedByTheMigration() throws Exception {
        Path db = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        BigProfile.generate(profile, new BigProfile.Size(12, 0, 3, 2, 10), 21);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            // The profile as a version without the kept counts left it.
            s.execute("DROP TRIGGER folder_size_insert");
            s.execute("DROP TRIGGER folder_size_delete");
            s.execute("DROP TRIGGER folder_size_move");
            s.execute("DROP TABLE folder_size");
            s.execute("PRAGMA user_version = " + (Schema.versionAdding("folder_size") - 1));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertCountsTrue(store, 12, 3, 2);
        }
    }

    /** What the spooler does for each due message, without a server: locked, handed off, filed in Sent. */
    static void deliverAll(SqliteMessageStore store) {
        Instant later = Instant.now().plus(Duration.ofDays(3_650));
        for (var next = store.lockNextDue(later); next.isPresent(); next = store.lockNextDue(later)) {
            store.recordHandOff(next.get().id());
            store.markDelivered(next.get().id(), "250 ok", Instant.now(), true, null);
        }
    }

    private void assertCountsTrue(SqliteMessageStore store, int sent, int drafts, int queued) throws SQLException {
        List<Integer> counted = List.of(counted("SENT"), counted("DRAFTS"), counted("OUTBOX"));
        assertEquals(List.of(sent, drafts, queued), counted, "the messages themselves");
        assertEquals(counted, List.of(store.sentCount(), store.draftCount(), store.outboxCount()), "the counts the window shows");
    }

    /** The listed messages of a folder counted one by one, as the store counted them before. */
    private int counted(String folder) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM message WHERE folder = '" + folder
                     + "' AND id NOT IN (SELECT message FROM sent_copy WHERE delete_local = 1)")) {
            return rs.getInt(1);
        }
    }
}
