package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A window closed right after Send: it is not "closed" for the rest of Envoi (which may quit when
 * the last window is) until the message is in the outbox. The store work is held at a gate, as a
 * large file's integrity check or a slow disk would hold it.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class ComposeWindowClosingTest {

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private final Semaphore gate = new Semaphore(0);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ComposeWindow window;

    @Start
    void start(Stage unused) throws Exception {
        store = SqliteMessageStore.open(tempRoot.resolve("profile"));
        store.settings().setUndoWindow(Duration.ofSeconds(60));
        // Store work waits until the test lets it through, one task per permit.
        java.util.concurrent.Executor gated = task -> threads.execute(() -> {
            gate.acquireUninterruptibly();
            task.run();
        });
        ComposeContext context = new ComposeContext(store, gated, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofHours(1), Duration.ZERO, 0),
                new ProgressHub()::subscribe, id -> { });
        window = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of,
                List.of(Sender.of(MailAddress.of("emile@example.org"))));
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        gate.release(100);
        threads.shutdown();
        threads.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void aWindowClosedJustAfterSendCountsAsClosedOnlyOnceTheMessageIsInTheOutbox(FxRobot robot) throws Exception {
        robot.clickOn("#toField").write("jane@example.org").type(KeyCode.ENTER);
        robot.clickOn("#subjectField").write("Send and close");
        AtomicBoolean closed = new AtomicBoolean();
        window.whenClosed(() -> closed.set(true));

        robot.clickOn("#sendButton");
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        assertFalse(window.stage().isShowing());
        assertFalse(closed.get(), "the submit is still under way: the window must not count as closed");
        assertTrue(store.outbox().isEmpty());

        gate.release(100);
        FxWait.until(closed::get, "the window counts as closed");
        List<String> queued = new ArrayList<>(store.outbox().stream().map(OutboxEntry::subject).toList());
        assertEquals(List.of("Send and close"), queued, "by then the message is in the outbox");
    }
}
