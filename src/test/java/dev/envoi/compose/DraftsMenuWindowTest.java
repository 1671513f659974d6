package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.Drafts;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
 * The compose window's Drafts menu on a profile with many drafts (issue 21): it lists the newest
 * twenty, newest first, and its last item opens the Outbox window, whose Drafts tab has them all.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class DraftsMenuWindowTest {

    @TempDir
    static Path tempRoot;
    private final Locale before = Locale.getDefault();
    private final AtomicInteger outboxOpened = new AtomicInteger();
    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        store = SqliteMessageStore.open(Files.createTempDirectory(tempRoot, "profile"));
        for (int i = 1; i <= 25; i++) {
            store.save(Drafts.draft("draft " + i));
            Thread.sleep(2); // distinct times: the newest is the last saved
        }
        background = Executors.newCachedThreadPool();
        ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofMinutes(5), Duration.ZERO, 0),
                new ProgressHub()::subscribe, id -> { }, outboxOpened::incrementAndGet, () -> { });
        window = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of,
                List.of(Sender.of(new MailAddress("Émile Envoi", "emile@example.org"))));
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        Locale.setDefault(before);
    }

    @Test
    void theNewestTwentyAreListedAndTheLastItemOpensTheOutbox(FxRobot robot) throws Exception {
        MenuButton drafts = robot.lookup("#draftsMenu").queryAs(MenuButton.class);
        robot.clickOn(drafts);
        FxWait.until(() -> drafts.getItems().size() == 22, "the menu is filled: " + drafts.getItems().size());
        List<MenuItem> items = drafts.getItems();
        assertTrue(items.get(0).getText().startsWith("draft 25 — "), items.get(0).getText());
        assertTrue(items.get(19).getText().startsWith("draft 6 — "), items.get(19).getText());
        assertTrue(items.get(20) instanceof SeparatorMenuItem);
        assertEquals("All 25 drafts, in the Outbox window…", items.get(21).getText());

        robot.clickOn(items.get(21).getText());
        FxWait.until(() -> outboxOpened.get() == 1, "the Outbox window is asked for");
    }
}
