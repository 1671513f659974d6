package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submit's durable commit costs one sync of every page it writes into the write-ahead log, so a
 * profile full of mail must not make a submit write more pages than an empty one (issue 21, bar 2:
 * submit latency ≤ 1.1x). Counted through real SQLite files: the log's growth per commit. Before
 * the never-saved draft went straight into the outbox, a submit on a profile with big folders
 * wrote each folder and queue index twice (its Drafts entry, then its Outbox entry, then the
 * queue columns set by a second statement): 24 to 26 pages against 20 here.
 */
class SubmitPagesTest {

    /** Submits counted per profile, after a few that warm the pages up. */
    private static final int SUBMITS = 16;
    private static final int WARM_UP = 4;

    @TempDir
    Path folder;

    @Test
    void aSubmitWritesNoMorePagesIntoAFullProfileThanIntoAnEmptyOne() throws Exception {
        Path full = folder.resolve("full");
        Path empty = folder.resolve("empty");
        BigProfile.generate(full, new BigProfile.Size(5_000, 5_000, 1_000, 1_000, 0), 21);
        BigProfile.generate(empty, BigProfile.Size.EMPTY, 21);

        int fullPages = medianPagesPerSubmit(full);
        int emptyPages = medianPagesPerSubmit(empty);

        // One page of slack: the recipient's entry in the book's use-order index may cross a leaf.
        assertTrue(fullPages <= emptyPages + 1,
                "pages per submit: " + fullPages + " with full folders against " + emptyPages + " empty");
    }

    @Test
    void aSubmitWritesNoneOfTheHistorysPages() throws Exception {
        Path full = folder.resolve("full");
        BigProfile.generate(full, new BigProfile.Size(2_000, 1_000, 500, 500, 0), 21);
        Set<Integer> written = new HashSet<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(full)) {
            for (int i = 0; i < SUBMITS; i++) {
                List<Integer> before = WalFrames.pages(full);
                store.submit(new Draft(tenKilobytes(i)), MessageStore.SubmitOptions.undo(Duration.ofSeconds(60)));
                written.addAll(WalFrames.added(before, WalFrames.pages(full)));
            }
            Map<Integer, String> owners = SubmitPageMap.owners(full);
            // The message's id is on its row; the history gets an id only when the message leaves it.
            List<String> history = written.stream().map(owners::get)
                    .filter(name -> name != null && name.contains("entry_history")).distinct().toList();
            assertEquals(List.of(), history);
        }
    }

    private static int medianPagesPerSubmit(Path profile) throws IOException {
        List<Integer> pages = new ArrayList<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (int i = 0; i < WARM_UP + SUBMITS; i++) {
                List<Integer> before = WalFrames.pages(profile);
                store.submit(new Draft(tenKilobytes(i)), MessageStore.SubmitOptions.undo(Duration.ofSeconds(60)));
                if (i >= WARM_UP) {
                    pages.add(WalFrames.added(before, WalFrames.pages(profile)).size());
                }
            }
        }
        Collections.sort(pages);
        return pages.get(pages.size() / 2);
    }

    /** The benchmark's message: 10 KB of text to one recipient. */
    static DraftContent tenKilobytes(int number) {
        String line = "The quick brown fox jumps over the lazy dog, message " + number + ".\n";
        return new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"),
                List.of(Recipient.to("jane@example.org")), "Ten kilobytes " + number,
                line.repeat(10 * 1024 / line.length()), List.of());
    }
}
