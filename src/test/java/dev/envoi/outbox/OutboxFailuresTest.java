package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.compose.ProgressFeed;
import dev.envoi.message.EntryId;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.ui.Texts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure the store did not foresee (a bug, not a StoreException) still reaches the window:
 * the outbox once caught StoreException only, and anything else was lost on the background thread.
 */
@Timeout(60)
class OutboxFailuresTest {

    @TempDir
    Path profile;

    @Test
    void anUnforeseenFailureOfAnActionIsShownAndTheListStaysRight() throws Exception {
        ExecutorService background = Executors.newCachedThreadPool();
        UiQueue ui = new UiQueue();
        List<EntryId> opened = new ArrayList<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.submit(Drafts.draft("Later"), SubmitOptions.undo(Duration.ofMinutes(10)));
            OutboxContext context = new OutboxContext(failingOnSendNow(store), background, ui,
                    Clock.systemDefaultZone(), (ProgressFeed) new ProgressHub()::subscribe, opened::add, opened::add);
            OutboxViewModel model = new OutboxViewModel(context, new OutboxViewModelTest.Answers(),
                    Texts.of(OutboxViewModel.class, Locale.ENGLISH));
            model.start();
            ui.runUntil(() -> model.queue().size() == 1, Duration.ofSeconds(20), "listed");
            model.selectedProperty().set(model.queue().get(0));

            model.sendNowSelected();
            ui.runUntil(() -> !model.errorProperty().get().isEmpty(), Duration.ofSeconds(20), "the failure is shown");
            assertEquals("a bug in the store", model.errorProperty().get());
            assertEquals("", model.statusProperty().get(), "nothing claims it is being sent");
            assertEquals(1, model.queue().size());
            model.dispose();
        } finally {
            background.shutdown();
            background.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** The real store, except that Send now fails as a bug would: with an exception no caller expects. */
    private static MessageStore failingOnSendNow(MessageStore real) {
        return (MessageStore) Proxy.newProxyInstance(OutboxFailuresTest.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendNow")) {
                        throw new IllegalStateException("a bug in the store");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
