package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.compose.ProgressFeed;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sent in the outbox window is read as far as it is shown (issue 21): on a profile with 3,000
 * sent messages (made by the real store's schema), only the first page is read at the start, a
 * row further down is read when asked for, and going through every row keeps a few pages, never
 * the folder.
 */
class PagedSentTest {

    @TempDir
    Path profile;

    @Test
    void sentIsReadAPageAtATimeAndOnlyAFewPagesStay() throws Exception {
        BigProfile.generate(profile, new BigProfile.Size(3_000, 100, 0, 0, 10), 21);
        ExecutorService background = Executors.newCachedThreadPool();
        UiQueue ui = new UiQueue();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            OutboxContext context = new OutboxContext(store, background, ui, Clock.systemDefaultZone(),
                    ProgressFeed.NONE, id -> { }, id -> { });
            OutboxViewModel model = new OutboxViewModel(context, new OutboxViewModelTest.Answers(),
                    Texts.of(OutboxViewModel.class, Locale.ENGLISH));
            model.start();
            ui.runUntil(() -> model.sent().size() == 3_000, Duration.ofSeconds(30), "Sent is counted");
            assertTrue(model.sent().get(0).subject().endsWith("#2999"), "the newest first, read at once");
            assertNull(model.sent().get(2_999).id(), "the oldest is not read before it is shown");
            ui.runUntil(() -> model.sent().get(2_999).id() != null, Duration.ofSeconds(30), "the oldest is read");
            assertTrue(model.sent().get(2_999).subject().endsWith("#0"));

            for (int i = 0; i < 3_000; i += PagedRows.PAGE) {
                int row = i;
                ui.runUntil(() -> model.sent().get(row).id() != null, Duration.ofSeconds(30), "row " + row + " is read");
            }
            long held = model.sent().stream().filter(r -> r.id() != null).count();
            assertTrue(held <= 24 * PagedRows.PAGE, "rows held after going through all: " + held);
            model.dispose();
        } finally {
            background.shutdown();
            background.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
