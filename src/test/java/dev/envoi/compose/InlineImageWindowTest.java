package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import dev.envoi.message.rich.BlockKind;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
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
 * An image pasted into the body of the real compose window (issue 20), headless on Monocle with
 * a real store: shown inline as a preview, kept in the vault and the draft as a cid image, and
 * shown again when the draft opens in a new window.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class InlineImageWindowTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeContext context;
    private ComposeWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        ProgressHub progress = new ProgressHub();
        context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofMinutes(5), Duration.ZERO, 0),
                progress::subscribe, id -> { });
        window = newWindow();
        window.show();
    }

    private ComposeWindow newWindow() {
        return new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of, List.of(Sender.of(ME)));
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

    private static boolean showsAPreview(ComposeWindow shown) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node body = shown.stage().getScene().lookup("#bodyArea");
                return !body.lookupAll(".inline-image").isEmpty();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPastedImageShowsInlineAndOpensAgainFromTheDraft(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = new WritableImage(40, 30);
            for (int x = 0; x < 40; x++) {
                for (int y = 0; y < 30; y++) {
                    image.getPixelWriter().setColor(x, y, Color.rgb(x * 6, y * 8, 120));
                }
            }
            ClipboardContent content = new ClipboardContent();
            content.putImage(image);
            Clipboard.getSystemClipboard().setContent(content);
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#subjectField").write("Picture");
        robot.clickOn("#bodyArea").write("Look:");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("src=\"cid:"),
                "the image is in the body");
        assertEquals(1, window.model().message().attachments().size(), "kept in the vault with the message");
        String sha = window.model().message().attachments().get(0).attachment().sha256();
        assertTrue(window.model().message().bodyHtmlProperty().get().contains("cid:" + sha + "@envoi.invalid"));
        FxWait.until(() -> showsAPreview(window), "the editor shows a preview");

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        FxWait.until(() -> !store.drafts().isEmpty(), "the draft is saved");
        ComposeWindow second = WaitForAsyncUtils.asyncFx(this::newWindow).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> {
            second.show();
            second.model().message().open(store.drafts().get(0).id());
        }).get(5, TimeUnit.SECONDS);
        FxWait.until(() -> "Picture".equals(second.model().message().subjectProperty().get()), "the draft opens");
        BodyEditor reopened = WindowBody.await(second);
        RichDocument document = WaitForAsyncUtils.asyncFx(reopened::document).get(5, TimeUnit.SECONDS);
        assertTrue(document.blocks().stream().anyMatch(b -> b.style().kind() == BlockKind.IMAGE
                && b.style().image().equals(sha)), document.toString());
        FxWait.until(() -> showsAPreview(second), "the reopened draft shows the image again");
        WaitForAsyncUtils.asyncFx(() -> second.stage().close()).get(5, TimeUnit.SECONDS);
    }
}
