package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queries whose cost would grow with a year of mail (issue 21) are answered from an index:
 * SQLite's own EXPLAIN QUERY PLAN, on a profile made by the real store, must not scan a table
 * nor sort what the index already orders. Without statistics (Envoi never runs ANALYZE) the plan
 * depends on the schema alone, so an empty profile shows what a big one gets.
 */
class QueryPlanTest {

    @TempDir
    Path profile;
    private Path file;

    @BeforeEach
    void makeProfile() {
        SqliteMessageStore.open(profile).close();
        file = profile.resolve(SqliteMessageStore.DATABASE_FILE);
    }

    @Test
    void theSpoolersPickWalksTheQueueInOrder() throws SQLException {
        List<String> plan = plan(OutboxQueries.NEXT_DUE, 1L);
        assertUsesIndex(plan, "message_outbox_order");
        assertNoSort(plan);
    }

    @Test
    void theOutboxListIsReadInOrderFromAnIndex() throws SQLException {
        List<String> plan = plan(OutboxQueries.OUTBOX, 100, 5000);
        assertUsesIndex(plan, "message_outbox_order");
        assertNoSort(plan);
    }

    @Test
    void theOutboxsRecipientsAreFoundByMessage() throws SQLException {
        List<String> plan = plan(VisibleRecipients.query(OutboxQueries.OUTBOX_IDS), 100, 5000);
        assertUsesIndex(plan, "sqlite_autoindex_recipient_1");
        assertUsesIndex(plan, "message_outbox_order");
    }

    @Test
    void aPageOfSentIsFoundWithoutReadingTheFolder() throws SQLException {
        List<String> page = plan(FolderPages.PAGE, "SENT", 100, 5000);
        assertUsesIndex(page, "message_by_folder_time");
        assertNoSort(page);
        assertUsesIndex(page, "sent_copy_deleting");
    }

    @Test
    void thePageAfterAnotherEntersTheIndexWhereThatOneEnded() throws SQLException {
        // Keyset paging (PageKeys): a page deep in Sent is a search of the index, not a walk to it.
        List<String> after = plan(FolderPages.AFTER, "SENT", 1L, 1L, 100);
        assertUsesIndex(after, "message_by_folder_time");
        assertNoSort(after);
        assertTrue(after.stream().anyMatch(line -> line.contains("(folder=? AND modified_at<?)") || line.contains("(folder=? AND (modified_at,id)<(?,?))")),
                () -> "walks Sent from the top: " + after);
        // A page's recipients in one query, found by message.
        List<String> recipients = plan(VisibleRecipients.query(FolderPages.AFTER.replaceFirst("SELECT .*? FROM", "SELECT id FROM")),
                "SENT", 1L, 1L, 100);
        assertUsesIndex(recipients, "sqlite_autoindex_recipient_1");
        assertUsesIndex(recipients, "message_by_folder_time");
    }

    @Test
    void foldersAreCountedWithoutWalkingThem() throws SQLException {
        // A year of Sent is 100,000 index entries: the count is kept (folder_size), less the few
        // messages on their way out, found along the partial index of those.
        for (String folder : List.of("SENT", "DRAFTS")) {
            List<String> count = plan(FolderPages.COUNT, folder, folder);
            assertUsesIndex(count, "sent_copy_deleting");
            assertTrue(count.stream().anyMatch(line -> line.startsWith("SEARCH folder_size USING INDEX sqlite_autoindex_folder_size_1")),
                    () -> "not the kept count: " + count);
            assertFalse(count.stream().anyMatch(line -> line.contains("message USING COVERING INDEX")),
                    () -> "walks the folder's index entries: " + count);
        }
        List<String> outbox = plan(OutboxQueries.OUTBOX_COUNT);
        assertTrue(outbox.size() == 1 && outbox.get(0).startsWith("SEARCH folder_size"), () -> "counts the outbox by walking it: " + outbox);
    }

    @Test
    void theDraftsArePagedByIndex() throws SQLException {
        List<String> drafts = plan(FolderPages.PAGE, "DRAFTS", 100, 500);
        assertUsesIndex(drafts, "message_by_folder_time");
        assertNoSort(drafts);
    }

    @Test
    void autoCompletionSearchesAddressesAndNamesByIndex() throws SQLException {
        List<String> plan = plan(AddressBook.MATCHING, "ann%", "ann%", 8);
        assertUsesIndex(plan, "sqlite_autoindex_address_book_1");
        assertUsesIndex(plan, "address_book_by_name");
        // Telling a common prefix from a rare one counts along the same two index searches, no further.
        List<String> crowded = plan(AddressBook.CROWDED, "a%", "a%", AddressBook.CROWD);
        assertUsesIndex(crowded, "sqlite_autoindex_address_book_1");
        assertUsesIndex(crowded, "address_book_by_name");
    }

    @Test
    void autoCompletionWalksTheBookInUseOrderForACommonPrefix() throws SQLException {
        List<String> plan = plan(AddressBook.WALKING, "a%", "a%", 8);
        assertUsesIndex(plan, "address_book_by_use");
        assertNoSort(plan);
        assertTrue(plan.stream().allMatch(line -> line.contains("COVERING INDEX address_book_by_use")),
                () -> "reads the table for each address walked: " + plan);
    }

    @Test
    void retentionFindsOldSentMessagesAndTheirFilesByIndex() throws SQLException {
        List<String> byAge = plan(SentPruner.OLDER_THAN, 1L, 500);
        assertUsesIndex(byAge, "message_by_folder_time");
        assertNoSort(byAge);
        assertUsesIndex(byAge, "sent_copy_due");
        List<String> byCount = plan(SentPruner.BEYOND_NEWEST, 500, 1000);
        assertUsesIndex(byCount, "message_by_folder_time");
        assertNoSort(byCount);
        assertUsesIndex(plan(SentPruner.STILL_USED, "ab"), "attachment_by_hash");
        assertUsesIndex(plan("DELETE FROM entry_history WHERE message IN (1, 2)"), "entry_history_by_message");
    }

    @Test
    void theQueuesIndexesHoldTheOutboxAloneSoFilingInSentWritesNothingToThem() throws SQLException {
        // A message filed in Sent leaves these indexes: its entry is deleted from a small index
        // instead of inserted among a year of Sent (issue 21, the drain of a big profile).
        for (String index : List.of("message_queue", "message_outbox_order")) {
            List<String> sql = rows("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", index);
            assertTrue(sql.size() == 1 && sql.get(0).endsWith("WHERE folder = 'OUTBOX'"), () -> index + ": " + sql);
        }
        assertUsesIndex(plan("SELECT min(due_at) FROM message WHERE folder = 'OUTBOX' AND state IN ('QUEUED', 'RETRYING')"),
                "message_queue");
    }

    @Test
    void theSpoolersStepsFindEachMessageByKeyAndTheSweepReadsOneIndex() throws SQLException {
        // Per delivered message the spooler reads its row by current id and by row id, and its
        // parts by message: each a search, whatever the profile holds (issue 21, the drain).
        for (String sql : List.of("SELECT * FROM message WHERE entry_id = ?", "SELECT * FROM message WHERE id = ?",
                "SELECT type, display_name, address FROM recipient WHERE message = ? ORDER BY position",
                "SELECT type, text FROM unparsed_recipient WHERE message = ? ORDER BY position",
                "SELECT file_name, media_type, size, sha256 FROM attachment WHERE message = ? ORDER BY position",
                "SELECT message FROM entry_history WHERE entry_id = ?")) {
            List<String> plan = plan(sql, 1L);
            assertNoSort(plan);
            assertTrue(plan.stream().allMatch(line -> line.startsWith("SEARCH")), () -> sql + ": " + plan);
        }
        // The vault's sweep, once the queue is drained: every hash once, from the index alone.
        List<String> sweep = plan("SELECT DISTINCT sha256 FROM attachment");
        assertUsesIndex(sweep, "attachment_by_hash");
        assertNoSort(sweep);
    }

    static void assertNoSort(List<String> plan) {
        assertFalse(plan.stream().anyMatch(line -> line.contains("TEMP B-TREE")), () -> "sorts: " + plan);
    }

    static void assertUsesIndex(List<String> plan, String index) {
        assertNoScan(plan);
        assertTrue(plan.stream().anyMatch(line -> line.contains("INDEX " + index)), () -> "not by " + index + ": " + plan);
    }

    /**
     * A SCAN of a table reads all of it; a SCAN of a partial index reads only the rows it holds, and
     * one of a subquery only the rows the subquery yields.
     */
    static void assertNoScan(List<String> plan) {
        assertFalse(plan.stream().anyMatch(line -> line.startsWith("SCAN") && !line.contains("COVERING INDEX")
                        && !line.startsWith("SCAN (subquery")),
                () -> "scans a table: " + plan);
    }

    List<String> plan(String sql, Object... args) throws SQLException {
        return rows("EXPLAIN QUERY PLAN " + sql, args);
    }

    /** The last column of each row the query returns (EXPLAIN QUERY PLAN's is its detail). */
    List<String> rows(String sql, Object... args) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(rs.getMetaData().getColumnCount()));
                }
            }
        }
        return lines;
    }
}
