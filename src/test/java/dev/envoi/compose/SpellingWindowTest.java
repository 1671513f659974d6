package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.event.Event;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import org.fxmisc.richtext.model.StyleSpan;
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
 * Spelling in the real compose window (issue 20), headless, with the real dictionaries: words typed
 * are underlined once typing pauses, in the window's language, and a suggestion chosen in the
 * context menu replaces the word.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class SpellingWindowTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

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

    /** A window shown in {@code locale}: its texts and its spelling language follow it. */
    private ComposeWindow open(Locale locale) throws Exception {
        ComposeWindow window = WaitForAsyncUtils.asyncFx(() -> {
            Locale before = Locale.getDefault();
            Locale.setDefault(locale);
            try {
                ComposeWindow w = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of,
                        List.of(Sender.of(ME)));
                w.show();
                return w;
            } finally {
                Locale.setDefault(before);
            }
        }).get(10, TimeUnit.SECONDS);
        windows.add(window);
        WindowBody.await(window);
        return window;
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

    private static BodyEditor editor(ComposeWindow window) {
        return (BodyEditor) window.stage().getScene().lookup("#bodyArea");
    }

    /** The words of paragraph 0 that carry the misspelt underline. */
    private static List<String> underlined(BodyEditor editor) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> words = new ArrayList<>();
            String text = editor.getParagraph(0).getText();
            int at = 0;
            for (StyleSpan<EditorStyle> span : editor.getParagraph(0).getStyleSpans()) {
                if (span.getStyle().layers().contains(BodySpelling.LAYER)) {
                    words.add(text.substring(at, at + span.getLength()));
                }
                at += span.getLength();
            }
            return words;
        }).get(5, TimeUnit.SECONDS);
    }

    private static void waitForUnderlines(BodyEditor editor, List<String> expected) throws Exception {
        FxWait.until(() -> {
            try {
                return underlined(editor).equals(expected);
            } catch (Exception e) {
                return false;
            }
        }, "underlined: " + expected);
    }

    @Test
    void aMisspeltEnglishWordIsUnderlinedAndASuggestionReplacesIt(FxRobot robot) throws Exception {
        ComposeWindow window = open(Locale.ENGLISH);
        BodyEditor editor = editor(window);
        robot.clickOn(editor).write("I recieve it from NASA at https://exampel.com");
        waitForUnderlines(editor, List.of("recieve"));

        rightClick(robot, editor, 3, 8);
        FxWait.until(() -> suggestion(robot, "receive") != null, "the suggestions are shown");
        robot.clickOn(suggestion(robot, "receive"));

        FxWait.until(() -> window.model().message().bodyProperty().get().startsWith("I receive it"), "the word is replaced");
        assertEquals("I receive it from NASA at https://exampel.com", window.model().message().bodyProperty().get());
        waitForUnderlines(editor, List.of());
    }

    @Test
    void aWordAddedToTheDictionaryIsNoLongerUnderlinedAndIsKeptInTheProfile(FxRobot robot) throws Exception {
        ComposeWindow window = open(Locale.ENGLISH);
        BodyEditor editor = editor(window);
        robot.clickOn(editor).write("The frobnitz works");
        waitForUnderlines(editor, List.of("frobnitz"));

        rightClick(robot, editor, 4, 12);
        // The menu is filled again when the suggestions arrive, so its item is chosen, not a node of it.
        FxWait.until(() -> addWordItem(robot) != null, "the menu offers to add the word");
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.control.MenuItem item = addWordItem(robot);
            assertEquals("Add “frobnitz” to the dictionary", item.getText());
            item.fire();
            item.getParentPopup().hide();
        }).get(5, TimeUnit.SECONDS);

        waitForUnderlines(editor, List.of());
        Path words = store.profileFolder().resolve(dev.envoi.spelling.Spellers.PERSONAL_FILE);
        FxWait.until(() -> Files.exists(words), "the personal words are written");
        assertEquals(List.of("frobnitz"), Files.readAllLines(words).stream().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void aFrenchWindowChecksInFrench(FxRobot robot) throws Exception {
        ComposeWindow window = open(Locale.FRENCH);
        BodyEditor editor = editor(window);
        robot.clickOn(editor).write("Je recois ton mesage aujourd’hui, merci.");
        waitForUnderlines(editor, List.of("recois", "mesage"));
    }

    /**
     * A right click on the characters {@code from}..{@code to}. Monocle turns no click into a
     * context-menu event (desktop platforms do), so the test sends the event a right click there makes.
     */
    private static void rightClick(FxRobot robot, BodyEditor editor, int from, int to) throws Exception {
        Bounds word = WaitForAsyncUtils.asyncFx(() -> editor.getCharacterBoundsOnScreen(from, to).orElseThrow())
                .get(5, TimeUnit.SECONDS);
        robot.moveTo(new Point2D(word.getCenterX(), word.getCenterY()));
        WaitForAsyncUtils.asyncFx(() -> {
            Point2D scene = editor.getScene().getRoot().screenToLocal(word.getCenterX(), word.getCenterY());
            Event.fireEvent(editor, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(),
                    scene.getY(), word.getCenterX(), word.getCenterY(), false, null));
        }).get(5, TimeUnit.SECONDS);
    }

    private static javafx.scene.control.MenuItem addWordItem(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .flatMap(w -> ((javafx.scene.control.ContextMenu) w).getItems().stream())
                .filter(i -> "spellingAddWord".equals(i.getId())).findFirst().orElse(null);
    }

    private static Node suggestion(FxRobot robot, String text) {
        return robot.lookup(node -> node instanceof Labeled labeled && text.equals(labeled.getText())
                && node.getScene() != null && node.getScene().getWindow() instanceof javafx.scene.control.ContextMenu)
                .tryQuery().orElse(null);
    }
}
