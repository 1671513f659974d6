package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.EntryId;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SentRetention;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
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
 * Issue 21's retention setting in the window, headless, on a real store: the Sent tab's "Keep in
 * Sent" row saves the choice, says how many messages it deletes and asks first, and a "no" keeps
 * everything as it was.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SentRetentionWindowTest {

    @TempDir
    static Path tempRoot;
    private final Locale before = Locale.getDefault();
    private final OutboxViewModelTest.Answers answers = new OutboxViewModelTest.Answers();
    private SqliteMessageStore store;
    private ExecutorService background;
    private OutboxWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        store = SqliteMessageStore.open(Files.createTempDirectory(tempRoot, "profile"));
        for (int i = 1; i <= 5; i++) {
            sent("message " + i);
        }
        background = Executors.newCachedThreadPool();
        ProgressHub progress = new ProgressHub();
        OutboxContext context = new OutboxContext(store, background, Platform::runLater, Clock.systemDefaultZone(),
                progress::subscribe, id -> { }, id -> { });
        window = new OutboxWindow(context, owner -> answers);
        window.show();
    }

    private void sent(String subject) {
        EntryId queued = store.submit(Drafts.draft(subject), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(Instant.now()).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 OK", Instant.now(), true, "");
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
    void keepingTheLastTwoAsksForTheThreeItDeletesThenSavesAndDeletesThem(FxRobot robot) throws Exception {
        ChoiceBox<SentRetention.Keep> choice = openSentTab(robot);
        Button apply = robot.lookup("#applyKeepButton").queryAs(Button.class);
        Spinner<?> amount = robot.lookup("#keepAmount").queryAs(Spinner.class);
        assertFalse(amount.isVisible(), "keeping all needs no number");
        assertTrue(apply.isDisabled(), "nothing changed yet");

        robot.interact(() -> choice.setValue(SentRetention.Keep.MESSAGES));
        assertTrue(amount.isVisible());
        robot.doubleClickOn(amount.getEditor()).write("2").type(KeyCode.ENTER);
        assertEquals("messages", robot.lookup("#keepUnit").queryAs(Label.class).getText());
        robot.clickOn(apply);

        FxWait.until(() -> store.sentCount() == 2, "the three oldest are deleted");
        assertEquals(List.of("delete 3 sent messages, keeping the last 2 messages"), answers.asked);
        assertEquals(SentRetention.messages(2), store.settings().sentRetention());
        TableView<?> sent = robot.lookup("#sentTable").queryAs(TableView.class);
        FxWait.until(() -> sent.getItems().size() == 2, "the Sent tab shows the two kept");
        Label status = robot.lookup("#outboxStatus").queryAs(Label.class);
        FxWait.until(() -> status.getText().equals("Sent keeps the last 2 messages: 3 older messages were deleted."),
                "the status says what happened: " + status.getText());
        FxWait.until(apply::isDisabled, "the choice is the setting now");
    }

    @Test
    void aNoKeepsEveryMessageAndTheSetting(FxRobot robot) throws Exception {
        answers.yes = false;
        ChoiceBox<SentRetention.Keep> choice = openSentTab(robot);
        robot.interact(() -> choice.setValue(SentRetention.Keep.MESSAGES));
        robot.interact(() -> window.retention().amountProperty().set(1));
        robot.clickOn("#applyKeepButton");

        FxWait.until(() -> answers.asked.size() == 1, "the user is asked");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, store.sentCount(), "nothing is deleted");
        assertEquals(SentRetention.KEEP_ALL, store.settings().sentRetention(), "nor saved");
        assertFalse(robot.lookup("#applyKeepButton").queryAs(Button.class).isDisabled(), "the choice can still be applied");
    }

    @Test
    void theSavedSettingIsShownAndTypingNonsenseKeepsTheLastNumber(FxRobot robot) throws Exception {
        store.settings().setSentRetention(SentRetention.days(90));
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        ProgressHub progress = new ProgressHub();
        OutboxContext context = new OutboxContext(store, background, Platform::runLater, Clock.systemDefaultZone(),
                progress::subscribe, id -> { }, id -> { });
        window = WaitForAsyncUtils.asyncFx(() -> {
            OutboxWindow again = new OutboxWindow(context, owner -> answers);
            again.show();
            return again;
        }).get(5, TimeUnit.SECONDS);

        ChoiceBox<SentRetention.Keep> choice = openSentTab(robot);
        FxWait.until(() -> choice.getValue() == SentRetention.Keep.DAYS, "the saved choice is shown");
        Spinner<?> amount = robot.lookup("#keepAmount").queryAs(Spinner.class);
        assertEquals(90, amount.getValue());
        assertEquals("days", robot.lookup("#keepUnit").queryAs(Label.class).getText());

        robot.doubleClickOn(amount.getEditor()).write("lots").type(KeyCode.ENTER);
        assertEquals(90, amount.getValue(), "the number stays the last good one");
        assertEquals("90", amount.getEditor().getText());
        assertTrue(robot.lookup("#applyKeepButton").queryAs(Button.class).isDisabled(), "nothing to apply");
        assertEquals(5, store.sentCount());
    }

    @SuppressWarnings("unchecked")
    private ChoiceBox<SentRetention.Keep> openSentTab(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        ChoiceBox<SentRetention.Keep> choice = robot.lookup("#keepChoice").queryAs(ChoiceBox.class);
        FxWait.until(() -> choice.getValue() != null && robot.lookup("#applyKeepButton").queryAs(Button.class).isDisabled(),
                "the setting is read");
        return choice;
    }
}
