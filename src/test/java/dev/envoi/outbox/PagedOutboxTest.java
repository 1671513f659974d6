package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.compose.ProgressFeed;
import dev.envoi.store.BigProfile;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox and Drafts of the outbox window are read as far as they are shown (issue 21), like
 * Sent: on a profile holding 1,000 queued messages and 1,000 drafts (made by the real store's
 * schema), the view-model takes at most a page of each from the store when it starts and again
 * when a queue event makes it read afresh, and a row further down only when it is asked for. The
 * store is the real one; what it hands the view-model is counted on its way.
 */
@Timeout(120)
class PagedOutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path profile;

    @Test
    void theOutboxAndDraftsAreReadAPageAtATime() throws Exception {
        BigProfile.generate(profile, new BigProfile.Size(0, 100, 1_000, 1_000, 10), 21);
        ExecutorService background = Executors.newCachedThreadPool();
        UiQueue ui = new UiQueue();
        try (SqliteMessageStore real = SqliteMessageStore.open(profile)) {
            CountingStore counted = new CountingStore(real);
            OutboxContext context = new OutboxContext(counted.store, background, ui, Clock.systemDefaultZone(),
                    ProgressFeed.NONE, id -> { }, id -> { });
            OutboxViewModel model = new OutboxViewModel(context, new OutboxViewModelTest.Answers(),
                    Texts.of(OutboxViewModel.class, Locale.ENGLISH));
            model.start();
            ui.runUntil(() -> model.queue().size() == 1_000 && model.drafts().size() == 1_000, WAIT, "both are counted");
            assertTrue(model.queue().get(0).subject().endsWith("#0"), "the first submitted first, read at once");
            assertTrue(model.drafts().get(0).subject().endsWith("#999"), "the newest draft first, read at once");
            assertTrue(counted.rows.get() <= 2L * PagedRows.PAGE, "rows read to show the window: " + counted.rows);
            assertEquals(Set.of(), counted.wholeFolders, "no folder is read whole");

            long before = counted.rows.get();
            real.submit(Drafts.draft("One more"), SubmitOptions.undo(Duration.ofMinutes(5)));
            ui.runUntil(() -> model.queue().size() == 1_001, WAIT, "a queue event shows the new message");
            assertTrue(counted.rows.get() - before <= 2L * PagedRows.PAGE,
                    "rows read again after a queue event: " + (counted.rows.get() - before));

            assertNull(model.queue().get(999).id(), "a row further down is not read before it is shown");
            ui.runUntil(() -> model.queue().get(999).id() != null, WAIT, "the row is read when shown");
            assertTrue(model.queue().get(999).subject().endsWith("#999"));
            assertEquals(Set.of(), counted.wholeFolders, "no folder is read whole");
            model.dispose();
        } finally {
            background.shutdown();
            background.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
