package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sent and Drafts read page after page are read from where the page before ended (PageKeys, issue
 * 21), and give exactly the rows reading by offset gives: in order, none twice, none missed, and
 * still so when a message comes into Sent between two pages (a key noted before a write is not
 * used after it). The real store on a profile made by its own schema.
 */
class KeyedPagesTest {

    @TempDir
    Path profile;

    @Test
    void pageAfterPageGivesTheRowsOfTheFolderInOrder() throws Exception {
        BigProfile.generate(profile, new BigProfile.Size(1_000, 10, 250, 0, 10), 21);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(ids(store.sent()), ids(walk(store, Folder.SENT, 0, 1_000)));
            assertEquals(ids(store.drafts()), ids(walk(store, Folder.DRAFTS, 0, 250)));

            walk(store, Folder.SENT, 0, 500);
            store.submit(Drafts.draft("Newest"), SubmitOptions.DEFAULT);
            FolderSizeTest.deliverAll(store);
            List<MessageSummary> all = store.sent();
            assertEquals(1_001, all.size());
            assertEquals(ids(all.subList(500, 600)), ids(store.sentPage(500, 100)), "the page after a write");
        }
    }

    private static List<MessageSummary> walk(SqliteMessageStore store, Folder folder, int from, int to) {
        List<MessageSummary> rows = new ArrayList<>();
        for (int offset = from; offset < to; offset += 100) {
            rows.addAll(folder == Folder.SENT ? store.sentPage(offset, 100) : store.draftPage(offset, 100));
        }
        return rows;
    }

    private static List<EntryId> ids(List<MessageSummary> rows) {
        return rows.stream().map(MessageSummary::id).toList();
    }
}
