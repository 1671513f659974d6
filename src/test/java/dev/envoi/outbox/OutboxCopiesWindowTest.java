package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.EntryId;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SentCopyState;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
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
 * Issue 19 in the outbox window, headless, on a real store: the copies for the server's Sent
 * folder that are pending or failed are listed with their reasons (also one whose account keeps
 * no local copy, which Sent does not list), and "Retry failed copies" puts the failed ones back
 * on their way, as `envoi outbox --retry-copies` does.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class OutboxCopiesWindowTest {

    @TempDir
    static Path tempRoot;
    private final Locale before = Locale.getDefault();
    private SqliteMessageStore store;
    private ExecutorService background;
    private OutboxWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        store.accounts().put(new Account("work", Drafts.simple("x").from(), "127.0.0.1", 2525, SmtpSecurity.NONE,
                "emile", AuthMethod.PASSWORD, 0, true, false, false, "", true));
        store.imapSettings().put("work", new ImapSettings(new ImapServer("127.0.0.1", 1143, SmtpSecurity.NONE), true, ""));
        sent("Kept here", true);
        store.sentCopies().markFailed(store.sentCopies().nextDue(Instant.now()).orElseThrow().key(),
                "the IMAP server refused the login\u0007");
        sent("Only on the server", false);
        background = Executors.newCachedThreadPool();
        ProgressHub progress = new ProgressHub();
        OutboxContext context = new OutboxContext(store, background, Platform::runLater, Clock.systemDefaultZone(),
                progress::subscribe, id -> { }, id -> { });
        window = new OutboxWindow(context, owner -> new OutboxViewModelTest.Answers());
        window.show();
    }

    /** A message handed off and delivered through "work", its copy asked for in the same transaction. */
    private void sent(String subject, boolean keepInSent) throws Exception {
        EntryId queued = store.submit(Drafts.draft(subject), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(Instant.now()).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 OK", Instant.now(), keepInSent, "work");
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
    void theCopiesNotThereYetAreListedWithWhyAndTheFailedOnesAreTriedAgain(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        Label copies = robot.lookup("#sentCopies").queryAs(Label.class);
        Button retry = robot.lookup("#retryCopiesButton").queryAs(Button.class);
        FxWait.until(() -> copies.getText().lines().count() == 2 && !retry.isDisabled(), "the two copies are listed");
        assertTrue(copies.getText().contains(
                "“Kept here”: Copy for the server’s Sent folder failed: the IMAP server refused the login\\x07"),
                "the failed copy and its reason, a control character shown visibly: " + copies.getText());
        assertTrue(copies.getText().contains("“Only on the server”: Copy for the server’s Sent folder: on its way"),
                "a copy whose message Sent does not list: " + copies.getText());
        assertEquals(1, window.model().sent().size(), "Sent lists only the message kept here");
        assertTrue(copies.isVisible());

        robot.clickOn(retry);
        FxWait.until(() -> store.unfinishedCopies().stream().allMatch(c -> c.state() == SentCopyState.PENDING),
                "the failed copy is pending again");
        FxWait.until(() -> retry.isDisabled() && !copies.getText().contains("failed"), "nothing failed is left");
        Label status = robot.lookup("#outboxStatus").queryAs(Label.class);
        assertEquals("One copy for the server’s Sent folder will be tried again now.", status.getText());
        assertEquals(2, store.unfinishedCopies().size(), "the mail is not sent again: only its copy waits");
        assertTrue(store.outbox().isEmpty());
    }
}
