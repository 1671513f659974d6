package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.envoi.compose.ComposeContext;
import dev.envoi.compose.ComposeSettings;
import dev.envoi.compose.ComposeWindow;
import dev.envoi.compose.DialogService;
import dev.envoi.compose.FxScheduler;
import dev.envoi.compose.Sender;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
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
 * Seen under Xvfb: while a message waited to be retried, the retry's long error squeezed
 * "Cancel sending" down to "...". Whatever the status says, Cancel keeps its whole text, and the
 * status keeps its whole text in a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class ComposeStatusBarTest {

    private static final String RETRY = "Not sent yet (127.0.0.1:1 refused the connection (no mail server"
            + " listens on that port, or it is down). The message stays in the outbox and will be tried again.)"
            + " Envoi tries again at 13:45.";

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private ExecutorService background;
    // Other tests run in this JVM after this one: the language is put back.
    private final Locale before = Locale.getDefault();
    private Stage stage;

    @Start
    void start(Stage unused) {
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        Locale.setDefault(before);
    }

    @Test
    void aLongRetryErrorLeavesCancelWholeAndTheStatusInATooltip(FxRobot robot) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        ComposeWindow window = WaitForAsyncUtils.asyncFx(() -> {
            ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                    Clock.systemDefaultZone(), ComposeSettings.DEFAULT, new ProgressHub()::subscribe, id -> { });
            ComposeWindow made = new ComposeWindow(context, owner -> null, owner -> List::of,
                    List.of(Sender.of(new MailAddress("Émile Envoi", "emile@example.org"))));
            made.model().message().to().commit("jane@example.org");
            made.model().message().subjectProperty().set("Quarterly figures");
            stage = made.stage();
            stage.show();
            made.model().sending().send();
            return made;
        }).get(20, TimeUnit.SECONDS);
        FxWait.until(() -> window.model().sending().sendingProperty().get(), "the message is on its way");
        Button cancel = robot.lookup("#cancelSendButton").queryButton();
        Label status = robot.lookup("#sendStatus").queryAs(Label.class);

        // The words a retry shows (the view-model's own text needs a failing server and a clock);
        // the tooltip follows the view-model, so it is checked against the view-model's words.
        WaitForAsyncUtils.asyncFx(() -> {
            status.textProperty().unbind();
            status.setText(RETRY);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        String shown = WaitForAsyncUtils.asyncFx(() -> cancel.getChildrenUnmodifiable().stream()
                .filter(Text.class::isInstance).map(n -> ((Text) n).getText()).findFirst().orElse(""))
                .get(10, TimeUnit.SECONDS);
        assertEquals(cancel.getText(), shown, "Cancel shows its whole text");
        assertNotNull(status.getTooltip(), "the status has a tooltip");
        String[] tipAndModel = WaitForAsyncUtils.asyncFx(() -> new String[] {status.getTooltip().getText(),
                window.model().statusProperty().get()}).get(10, TimeUnit.SECONDS);
        assertEquals(tipAndModel[1], tipAndModel[0], "the tooltip holds the whole status");
    }
}
