package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
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
 * The rich text body in the real compose window (issue 20), driven with keys and clicks by fx:id,
 * headless on Monocle, against a real store: formatting from the bar and the shortcuts, the link
 * dialog, and a formatted draft saved, closed and opened again in a new window.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class RichBodyWindowTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

    @TempDir
    static Path tempRoot;
    private Path profile;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeContext context;
    private ComposeWindow window;

    @Start
    void start(Stage unused) throws Exception {
        profile = Files.createTempDirectory(tempRoot, "profile");
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

    private BodyEditor editor(FxRobot robot) {
        return robot.lookup("#bodyArea").query();
    }

    private void select(FxRobot robot, int start, int end) throws Exception {
        BodyEditor editor = editor(robot);
        WaitForAsyncUtils.asyncFx(() -> editor.selectRange(start, end)).get(5, TimeUnit.SECONDS);
    }

    private static void shortcut(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void typedLinesReachTheMessage(FxRobot robot) throws Exception {
        robot.clickOn("#bodyArea").write("Bonjour,\nvoici.");
        FxWait.until(() -> "Bonjour,\nvoici.".equals(window.model().message().bodyProperty().get()), "the text reaches the model");
        assertEquals("", window.model().message().bodyHtmlProperty().get(), "no formatting, no HTML");
    }

    @Test
    void shortcutsAndTheBarFormatTheSelection(FxRobot robot) throws Exception {
        robot.clickOn("#bodyArea").write("bold italic under struck");
        select(robot, 0, 4);
        shortcut(robot, KeyCode.B);
        select(robot, 5, 11);
        shortcut(robot, KeyCode.I);
        select(robot, 12, 17);
        shortcut(robot, KeyCode.U);
        select(robot, 18, 24);
        robot.clickOn("#strikeButton");
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("<s>"), "the strike-through is kept");
        assertEquals("<div><b>bold</b> <i>italic</i> <u>under</u> <s>struck</s></div>",
                window.model().message().bodyHtmlProperty().get());
        assertEquals("bold italic under struck", window.model().message().bodyProperty().get());

        shortcut(robot, KeyCode.Z);
        FxWait.until(() -> !window.model().message().bodyHtmlProperty().get().contains("<s>"), "undo takes the last mark off");
        robot.clickOn("#redoButton");
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("<s>"), "redo puts it back");
    }

    @Test
    void listsIndentAndQuotesFromTheBar(FxRobot robot) throws Exception {
        robot.clickOn("#bodyArea").write("one").type(KeyCode.ENTER).write("two").type(KeyCode.ENTER).write("said");
        select(robot, 0, 5);
        robot.clickOn("#numberedListButton");
        select(robot, 5, 5);
        robot.clickOn("#indentButton");
        select(robot, 9, 9);
        robot.clickOn("#quoteButton");
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("blockquote"), "the quote is kept");
        RichDocument document = editor(robot).document();
        assertEquals(BlockKind.NUMBERED, document.blocks().get(0).style().kind());
        assertEquals(1, document.blocks().get(1).style().level());
        assertEquals(BlockKind.QUOTE, document.blocks().get(2).style().kind());
        assertTrue(window.model().message().bodyHtmlProperty().get().startsWith("<ol><li>one<ol><li>two</li></ol></li></ol>"),
                window.model().message().bodyHtmlProperty().get());

        select(robot, 0, 13);
        shortcut(robot, KeyCode.SPACE);
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().isEmpty(), "clear formatting leaves plain text");
        assertEquals("one\ntwo\nsaid", window.model().message().bodyProperty().get());
    }

    @Test
    void theLinkDialogLinksAndRefusesUnsafeAddresses(FxRobot robot) throws Exception {
        robot.clickOn("#bodyArea").write("see the site");
        select(robot, 4, 12);
        shortcut(robot, KeyCode.K);
        FxWait.until(() -> robot.lookup("#linkAddressField").tryQuery().isPresent(), "the link dialog opens");
        robot.clickOn("#linkAddressField").write("javascript:alert(1)");
        assertTrue(robot.lookup("#linkOkButton").queryAs(Button.class).isDisabled(), "javascript: is refused");
        assertFalse(robot.lookup("#linkProblem").queryLabeled().getText().isEmpty(), "and the dialog says why");
        TextField address = robot.lookup("#linkAddressField").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(address::clear).get(5, TimeUnit.SECONDS);
        robot.clickOn("#linkAddressField").write("example.org/menu");
        robot.clickOn("#linkOkButton");
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("<a "), "the link is set");
        assertEquals("<div>see <a href=\"https://example.org/menu\">the site</a></div>",
                window.model().message().bodyHtmlProperty().get());
    }

    @Test
    void aFormattedDraftOpensAgainAsItWasSaved(FxRobot robot) throws Exception {
        robot.clickOn("#subjectField").write("Formatted");
        robot.clickOn("#bodyArea").write("Plan").type(KeyCode.ENTER).write("first").type(KeyCode.ENTER).write("second");
        select(robot, 0, 4);
        shortcut(robot, KeyCode.B);
        select(robot, 5, 17);
        robot.clickOn("#bulletListButton");
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("<ul>"), "the list is made");
        String html = window.model().message().bodyHtmlProperty().get();
        shortcut(robot, KeyCode.S);
        FxWait.until(() -> !store.drafts().isEmpty(), "the draft is saved");

        ComposeWindow second = WaitForAsyncUtils.asyncFx(this::newWindow).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> {
            second.show();
            second.model().message().open(store.drafts().get(0).id());
        }).get(5, TimeUnit.SECONDS);
        FxWait.until(() -> "Formatted".equals(second.model().message().subjectProperty().get()), "the draft opens");
        BodyEditor reopened = WindowBody.await(second);
        assertEquals(html, second.model().message().bodyHtmlProperty().get());
        assertEquals(editor(robot).document(), WaitForAsyncUtils.asyncFx(reopened::document).get(5, TimeUnit.SECONDS),
                "the editor shows the same text and formatting");
        assertFalse(second.model().message().dirtyProperty().get(), "opening is no edit");
        WaitForAsyncUtils.asyncFx(() -> second.stage().close()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void pastedHtmlKeepsBasicFormattingAndNothingElse(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putHtml("<p onclick=\"steal()\"><b>Menu</b> <a href=\"javascript:alert(1)\">here</a>"
                    + "<img src=\"https://tracker.example/p.gif\"><script>alert(2)</script></p>"
                    + "<ul><li>soup</li></ul><form><input value=x></form>");
            content.putString("Menu here\nsoup");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#bodyArea");
        shortcut(robot, KeyCode.V);
        FxWait.until(() -> !window.model().message().bodyHtmlProperty().get().isEmpty(), "the paste is formatted");
        assertEquals("<div><b>Menu</b> here</div><ul><li>soup</li></ul>", window.model().message().bodyHtmlProperty().get());
        assertEquals("Menu here\nsoup", window.model().message().bodyProperty().get());
    }

    @Test
    void hugeHtmlIsPastedAsItsPlainText(FxRobot robot) throws Exception {
        String huge = "<p><b>x</b></p>".repeat(80_000); // 1.2 million characters of markup
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putHtml(huge);
            content.putString("the plain words");
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#bodyArea");
        shortcut(robot, KeyCode.V);
        FxWait.until(() -> "the plain words".equals(window.model().message().bodyProperty().get()), "the plain text is pasted");
        assertEquals("", window.model().message().bodyHtmlProperty().get());
    }

    @Test
    void sendingShowsTheFormattedTextAndCancelBringsItBackExactly(FxRobot robot) throws Exception {
        store.settings().setUndoWindow(Duration.ofSeconds(60));
        robot.clickOn("#toField").write("jane@example.org").type(KeyCode.ENTER);
        robot.clickOn("#subjectField").write("Held");
        robot.clickOn("#bodyArea").write("Keep this bold");
        select(robot, 10, 14);
        shortcut(robot, KeyCode.B);
        FxWait.until(() -> window.model().message().bodyHtmlProperty().get().contains("<b>"), "bold is set");
        String html = window.model().message().bodyHtmlProperty().get();
        RichDocument shown = editor(robot).document();

        robot.clickOn("#sendButton");
        FxWait.until(() -> window.model().sending().cancelEnabledProperty().get(), "the message waits in its undo window");
        assertFalse(editor(robot).isEditable(), "the held message is read-only");
        assertEquals(shown, WaitForAsyncUtils.asyncFx(() -> editor(robot).document()).get(5, TimeUnit.SECONDS),
                "and still shows its formatting");

        robot.clickOn("#cancelSendButton");
        FxWait.until(() -> window.model().message().editingProperty().get(), "the message is back for editing");
        assertEquals(html, window.model().message().bodyHtmlProperty().get(), "the store gave the formatting back exactly");
        assertEquals(shown, WaitForAsyncUtils.asyncFx(() -> editor(robot).document()).get(5, TimeUnit.SECONDS));
    }

    @Test
    void enterOnAnEmptyItemEndsTheListAndTabIndentsAnItem(FxRobot robot) throws Exception {
        robot.clickOn("#bodyArea").write("milk");
        robot.clickOn("#bulletListButton");
        robot.type(KeyCode.ENTER).write("oat").type(KeyCode.TAB).type(KeyCode.ENTER).type(KeyCode.ENTER).write("done");
        FxWait.until(() -> "milk\noat\ndone".equals(window.model().message().bodyProperty().get())
                && window.model().message().bodyHtmlProperty().get().contains("done"), "the text is typed");
        assertEquals("<ul><li>milk<ul><li>oat</li></ul></li></ul><div>done</div>", window.model().message().bodyHtmlProperty().get());
    }

    @Test
    void plainTextOnlyIsChosenInTheOptionsMenu(FxRobot robot) throws Exception {
        robot.clickOn("#optionsMenu").clickOn("#plainTextOnlyCheck");
        FxWait.until(() -> window.model().message().plainTextOnlyProperty().get(), "the message is to go as plain text only");
        assertTrue(window.model().message().dirtyProperty().get(), "the choice is saved with the draft");
    }
}
