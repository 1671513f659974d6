package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.message.Draft;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * Auto-completion in the real compose window over a real store whose address look-ups can be held
 * back, as a busy machine holds them: what is committed is what was typed, unless the user picked
 * a suggestion.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AddressSuggestionsTest {

    private static final MailAddress KNOWN = new MailAddress("Mail Test", "a@example.org");

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeWindow window;
    /** The look-up for exactly this text waits for {@link #release}. */
    private volatile String slowText = "";
    /** Every look-up from now on waits for {@link #release}. */
    private volatile boolean holdAll;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch answered = new CountDownLatch(1);

    @Start
    void start(Stage unused) throws Exception {
        store = SqliteMessageStore.open(Files.createTempDirectory(tempRoot, "profile"));
        // Sending to an address is what teaches the store it (AddressBook).
        store.submit(new Draft(Drafts.simple("known").withRecipients(List.of(new Recipient(RecipientType.TO, KNOWN)))),
                MessageStore.SubmitOptions.DEFAULT);
        background = Executors.newCachedThreadPool();
        ComposeContext context = new ComposeContext(slowLookups(store), background, Platform::runLater,
                new FxScheduler(), Clock.systemDefaultZone(), new ComposeSettings(Duration.ofSeconds(3), Duration.ZERO, 0),
                new ProgressHub()::subscribe, id -> { });
        window = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of, List.of(Sender.of(ComposeFixture.ME)));
        window.show();
    }

    /** The real store, with the look-up for {@link #slowText} held until the test lets it go. */
    private MessageStore slowLookups(MessageStore real) {
        return (MessageStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MessageStore.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("knownAddresses") && (holdAll || slowText.equals(args[0]))) {
                        // Slow after the work, as a busy machine is: the answer is ready, late.
                        asked.countDown();
                        awaitIgnoringInterrupts(release);
                        answered.countDown();
                    }
                    return result;
                });
    }

    /** A cancelled look-up may be interrupted; a store call under way finishes anyway, as SQLite's does. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await(30, TimeUnit.SECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private List<String> toChips() {
        return window.model().message().to().chips().stream().map(RecipientChip::text).toList();
    }

    @Test
    void typingOnFastThenTabCommitsWhatWasTypedNotTheSuggestionShowing(FxRobot robot) throws Exception {
        robot.clickOn("#toField").write("a@example.org", 0);
        FxWait.until(AddressSuggestionsTest::aPopupShows, "the suggestions for a@example.org show");
        // The user types on faster than the machine looks up: no look-up answers before Tab.
        holdAll = true;
        robot.write("; b@example.org", 0);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        release.countDown();

        assertEquals(List.of("a@example.org", "b@example.org"), toChips());
    }

    @Test
    void aLateSuggestionNeverReplacesWhatWasTypedAfterIt(FxRobot robot) throws Exception {
        slowText = "a@example.org";
        robot.clickOn("#toField").write("a@example.org", 0);
        assertTrue(asked.await(20, TimeUnit.SECONDS), "the field looked up what was typed");
        robot.write("; b@example.org", 0);
        // The look-up for the earlier text comes back only now, after the user typed on.
        release.countDown();
        assertTrue(answered.await(20, TimeUnit.SECONDS));
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("a@example.org", "b@example.org"), toChips());
    }

    @Test
    void tabAndEnterCommitTheTypedTextEvenWhileSuggestionsShow(FxRobot robot) throws Exception {
        robot.clickOn("#toField").write("a@example.org", 0);
        FxWait.until(() -> suggestionList(robot) != null, "the suggestions show");
        robot.type(KeyCode.ENTER);
        robot.write("a@example.org", 0);
        FxWait.until(() -> suggestionList(robot) != null, "the suggestions show again");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("a@example.org", "a@example.org"), toChips());
    }

    @Test
    void aSuggestionPickedWithTheArrowKeysIsCommittedAndTheListHasNoEmptyRow(FxRobot robot) throws Exception {
        robot.clickOn("#toField").write("Mail", 0);
        FxWait.until(() -> suggestionList(robot) != null, "the suggestions show");
        ListView<?> list = suggestionList(robot);
        List<ListCell<?>> emptyRows = robot.lookup(".address-suggestions .list-cell").queryAll().stream()
                .<ListCell<?>>map(node -> (ListCell<?>) node)
                .filter(cell -> cell.isVisible() && cell.isEmpty()
                        && cell.getLocalToSceneTransform().transform(0, 0).getY() < list.getHeight())
                .toList();
        assertEquals(List.of(), emptyRows, "the list is as tall as its one suggestion");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("Mail Test <a@example.org>"), toChips());
        assertEquals("", window.model().message().to().pendingProperty().get());
    }

    private static boolean aPopupShows() {
        return Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing());
    }

    private static ListView<?> suggestionList(FxRobot robot) {
        return robot.lookup(".address-suggestions").tryQueryAs(ListView.class)
                .filter(list -> list.isVisible() && list.getScene() != null && list.getScene().getWindow().isShowing())
                .orElse(null);
    }
}
