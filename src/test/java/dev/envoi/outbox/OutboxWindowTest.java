package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.EntryId;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.PickupFolderTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import dev.envoi.testing.FxWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The outbox window, headless, driven with the keyboard alone, on a real store and spooler. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class OutboxWindowTest {

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private Spooler spooler;
    private ExecutorService background;
    private OutboxWindow window;
    private final List<EntryId> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        store.submit(Drafts.draft("Later"), SubmitOptions.undo(Duration.ofSeconds(60)));
        background = Executors.newCachedThreadPool();
        ProgressHub progress = new ProgressHub();
        spooler = new Spooler(store, new PickupFolderTransport(profile.resolve("pickup")), store::readAttachment,
                RetryPolicy.standard(), Clock.systemUTC(), progress);
        spooler.start();
        OutboxContext context = new OutboxContext(store, background, Platform::runLater, Clock.systemDefaultZone(),
                progress::subscribe, opened::add, id -> { });
        window = new OutboxWindow(context, owner -> new OutboxViewModelTest.Answers());
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        spooler.close();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void aMessageLeavesTheListWhenItsUndoWindowEnds(FxRobot robot) throws Exception {
        TableView<OutboxRow> table = robot.lookup("#outboxTable").query();
        FxWait.until(() -> table.getItems().size() == 1, "the first message is listed");
        store.submit(Drafts.draft("Soon"), SubmitOptions.undo(Duration.ofSeconds(3)));
        FxWait.until(() -> table.getItems().size() == 2, "a message submitted elsewhere appears");
        FxWait.until(() -> table.getItems().size() == 1 && window.model().sent().size() == 1, "Soon goes out on time");
        assertEquals("Later", table.getItems().get(0).subject());
    }

    @Test
    void theKeyboardAloneCancelsAMessageAndOpensIt(FxRobot robot) throws Exception {
        TableView<OutboxRow> table = robot.lookup("#outboxTable").query();
        FxWait.until(() -> table.getItems().stream().anyMatch(r -> r.subject().equals("Later")), "listed");
        robot.interact(table::requestFocus);
        int later = table.getItems().indexOf(table.getItems().stream().filter(r -> r.subject().equals("Later"))
                .findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.type(KeyCode.HOME);
        for (int i = 0; i < later; i++) {
            robot.type(KeyCode.DOWN);
        }
        Button cancel = robot.lookup("#outboxCancelButton").query();
        FxWait.until(() -> !cancel.isDisabled(), "Cancel is enabled for the selected message");
        robot.type(KeyCode.TAB);
        assertEquals("outboxCancelButton", window.stage().getScene().getFocusOwner().getId(),
                "Tab moves from the list to its first action");
        robot.type(KeyCode.SPACE);
        FxWait.until(() -> opened.size() == 1, "the draft opens");
        assertEquals(store.drafts().get(0).id(), opened.get(0));
        Label status = robot.lookup("#outboxStatus").query();
        FxWait.until(() -> status.getText().equals("“Later” is back in Drafts."), "the status says so");
    }

    @Test
    void everyControlHasAnAccessibleName(FxRobot robot) {
        for (Node node : robot.lookup(n -> n instanceof Control && n.isVisible()).queryAll()) {
            if (node instanceof Button || node instanceof TableView) {
                String name = node.getAccessibleText() != null ? node.getAccessibleText()
                        : node instanceof Button b ? b.getText() : null;
                assertFalse(name == null || name.isBlank(), "no accessible name: " + node);
            }
            if (node instanceof Button button) {
                assertTrue(button.getAccessibleHelp() != null && !button.getAccessibleHelp().isBlank(),
                        "no help text: " + button.getId());
            }
        }
    }
}
