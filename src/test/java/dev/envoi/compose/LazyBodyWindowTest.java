package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
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
 * The compose window's body editor is built after the window's first frame (LazyBody, benchmark 7):
 * the first frame takes typing in To without it, and nothing the body holds is lost or changed
 * meanwhile, through the real window and a real store.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class LazyBodyWindowTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");
    private static final String TEXT = "Hello world";
    private static final String HTML = "<div>Hello <b>world</b></div>";

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeContext context;
    private final List<ComposeWindow> windows = new ArrayList<>();

    @Start
    void start(Stage unused) throws Exception {
        store = SqliteMessageStore.open(Files.createTempDirectory(tempRoot, "profile"));
        background = Executors.newCachedThreadPool();
        context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofMinutes(5), Duration.ZERO, 0),
                new ProgressHub()::subscribe, id -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ComposeWindow window : windows) {
            WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        }
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    /** What the window's first frame held, looked at in its first layout pulse. */
    private record FirstFrame(Node body, Node boldButton, Node focused, int lists) {
    }

    @Test
    void theFirstFrameTakesTypingInToWithoutTheEditorAndTheFormattedBodyShowsOnceItIsBuilt(FxRobot robot)
            throws Exception {
        List<FirstFrame> first = new ArrayList<>();
        ComposeWindow window = WaitForAsyncUtils.asyncFx(() -> {
            ComposeWindow w = newWindow();
            // As a signature is put in: in the view-model before the window shows, not an edit.
            w.model().message().replaceBodyQuietly(TEXT, HTML);
            Scene scene = w.stage().getScene();
            Runnable[] look = new Runnable[1];
            look[0] = () -> {
                if (w.stage().isShowing()) {
                    scene.removePostLayoutPulseListener(look[0]);
                    first.add(new FirstFrame(scene.lookup("#bodyArea"), scene.lookup("#boldButton"), scene.getFocusOwner(),
                            scene.getRoot().lookupAll(".list-view").size()));
                }
            };
            scene.addPostLayoutPulseListener(look[0]);
            w.show();
            return w;
        }).get(10, TimeUnit.SECONDS);
        windows.add(window);
        BodyEditor editor = WindowBody.await(window);

        assertEquals(1, first.size());
        assertNull(first.get(0).body(), "the first frame is drawn before the editor (and RichTextFX) exists");
        assertNull(first.get(0).boldButton(), "and before the formatting bar, which does nothing without the editor");
        assertEquals(0, first.get(0).lists(), "no drop-down list is built and styled before it is opened (From's)");
        assertEquals("toFieldInput", first.get(0).focused().getId(), "the first frame takes typing in To");
        RichDocument shown = WaitForAsyncUtils.asyncFx(editor::document).get(5, TimeUnit.SECONDS);
        assertEquals(HtmlReader.readStored(HTML), shown, "the body's text and formatting show once the editor exists");
        assertTrue(shown.hasFormatting());
        assertFalse(robot.lookup("#boldButton").query().isDisabled(), "the formatting bar works once the editor does");
        assertEquals(List.of("formatBar", "bodySlot"), robot.lookup("#bodyColumn").queryAs(VBox.class).getChildren().stream()
                .map(Node::getId).toList(), "the bar sits above the body");
        assertEquals(HTML, window.model().message().bodyHtmlProperty().get(), "showing it is no edit");
        assertFalse(window.model().message().dirtyProperty().get(), "showing it is no edit");
    }

    @Test
    void aDraftSavedBeforeTheEditorExistsKeepsItsFormattedBody() throws Exception {
        ComposeWindow window = WaitForAsyncUtils.asyncFx(() -> {
            ComposeWindow w = newWindow();
            w.show();
            w.model().message().subjectProperty().set("Early");
            w.model().message().bodyProperty().set(TEXT);
            w.model().message().bodyHtmlProperty().set(HTML);
            // In the same FX task as show(): the first frame, and so the editor, comes later.
            assertFalse(w.bodyReady().toCompletableFuture().isDone(), "the editor does not exist yet");
            w.model().message().saveDraft();
            return w;
        }).get(10, TimeUnit.SECONDS);
        windows.add(window);
        FxWait.until(() -> !store.drafts().isEmpty(), "the draft is saved");

        ComposeWindow second = WaitForAsyncUtils.asyncFx(() -> {
            ComposeWindow w = newWindow();
            w.show();
            w.model().message().open(store.drafts().get(0).id());
            return w;
        }).get(10, TimeUnit.SECONDS);
        windows.add(second);
        FxWait.until(() -> "Early".equals(second.model().message().subjectProperty().get()), "the draft opens");
        BodyEditor reopened = WindowBody.await(second);
        assertEquals(TEXT, second.model().message().bodyProperty().get());
        assertEquals(HTML, second.model().message().bodyHtmlProperty().get());
        assertEquals(HtmlReader.readStored(HTML), WaitForAsyncUtils.asyncFx(reopened::document).get(5, TimeUnit.SECONDS));
    }

    private ComposeWindow newWindow() {
        return new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of, List.of(Sender.of(ME)));
    }
}
