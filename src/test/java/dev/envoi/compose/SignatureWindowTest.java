package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.account.Accounts;
import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ChoiceBox;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Signatures in the real compose window (issue 20), headless, over a real store: a new message is
 * signed, choosing another From swaps the signature the user left alone and keeps one they edited.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class SignatureWindowTest {

    private static final String WORK = "\n\n-- \nÉmile Envoi\nWork Ltd";
    private static final String HOME = "\n\n-- \nÉmile";

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeWindow window;
    private final Sender work = sender("work");
    private final Sender home = sender("home");

    private static Sender sender(String account) {
        return new Sender(new MailAddress("Émile Envoi", account + "@example.org"), Optional.of(account), false);
    }

    @Start
    void start(Stage unused) throws Exception {
        store = SqliteMessageStore.open(Files.createTempDirectory(tempRoot, "profile"));
        store.accounts().put(Accounts.loopback("work", 2525));
        store.accounts().put(Accounts.loopback("home", 2526));
        store.writingSettings().put("work", new WritingSettings(Signature.plain("Émile Envoi\nWork Ltd"), false));
        store.writingSettings().put("home", new WritingSettings(Signature.plain("Émile"), false));
        background = Executors.newCachedThreadPool();
        ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofMinutes(5), Duration.ZERO, 0),
                new ProgressHub()::subscribe, id -> { });
        window = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of, List.of(work, home));
        window.show();
    }

    /** The body editor is built after the window's first frame (LazyBody): the tests type into it. */
    @BeforeEach
    void bodyExists() throws Exception {
        WindowBody.await(window);
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private String body() {
        return window.model().message().bodyProperty().get();
    }

    @SuppressWarnings("unchecked")
    private void chooseFrom(FxRobot robot, Sender sender) {
        robot.interact(() -> robot.lookup("#fromField").queryAs(ChoiceBox.class).setValue(sender));
    }

    @Test
    void fromSwapsTheSignatureLeftAloneAndKeepsAnEditedOne(FxRobot robot) throws Exception {
        FxWait.until(() -> WORK.equals(body()), "the new message is signed");
        BodyEditor editor = robot.lookup("#bodyArea").query();
        assertEquals("\n\n-- \nÉmile Envoi\nWork Ltd", WaitForAsyncUtils.asyncFx(() -> editor.getText()).get(5, TimeUnit.SECONDS),
                "the editor shows it");
        robot.clickOn(editor);
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL);
        robot.write("See you on Monday.");
        FxWait.until(() -> body().startsWith("See you"), "typed above the signature");

        // "See" made bold, then words typed and From changed at once, before the editor's HTML pause.
        robot.interact(() -> editor.selectRange(0, 3));
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.HOME).release(KeyCode.HOME, KeyCode.CONTROL).type(KeyCode.END);
        robot.write(" Bye.");
        chooseFrom(robot, home);
        FxWait.until(() -> ("See you on Monday. Bye." + HOME).equals(body()), "the signature left alone is swapped");
        assertEquals("<div><b>See</b> you on Monday. Bye.<br><br>-- <br>Émile</div>",
                window.model().message().bodyHtmlProperty().get(), "the text above keeps its formatting and its last words");

        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        robot.write(" (mobile)");
        FxWait.until(() -> body().endsWith("(mobile)"), "the signature is edited");
        chooseFrom(robot, work);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("See you on Monday. Bye." + HOME + " (mobile)", body(), "an edited signature is the user's: kept");
    }
}
