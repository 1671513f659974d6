package dev.envoi.outbox;

import dev.envoi.spool.ProgressHub;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real Outbox window shown on a generated profile with many sent messages, for the window
 * tests of Sent's paged table; closes the window, its reading threads and the store.
 */
final class BigSentWindow implements AutoCloseable {

    private final SqliteMessageStore store;
    private final ExecutorService background;
    private final OutboxWindow window;

    private BigSentWindow(SqliteMessageStore store, ExecutorService background, OutboxWindow window) {
        this.store = store;
        this.background = background;
        this.window = window;
    }

    /** Makes a profile with {@code sent} messages in Sent under {@code root} and shows its window. Call on the FX thread. */
    static BigSentWindow show(Path root, int sent) throws Exception {
        Path profile = Files.createTempDirectory(root, "profile");
        BigProfile.generate(profile, new BigProfile.Size(sent, 100, 10, 10, 10), 21);
        SqliteMessageStore store = SqliteMessageStore.open(profile);
        ExecutorService background = Executors.newCachedThreadPool();
        OutboxContext context = new OutboxContext(store, background, Platform::runLater,
                Clock.systemDefaultZone(), new ProgressHub()::subscribe, id -> { }, id -> { });
        OutboxWindow window = new OutboxWindow(context, owner -> new OutboxViewModelTest.Answers());
        window.show();
        return new BigSentWindow(store, background, window);
    }

    OutboxWindow window() {
        return window;
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }
}
