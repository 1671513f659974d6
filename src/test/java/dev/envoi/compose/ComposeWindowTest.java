package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.PickupFolderTransport;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import dev.envoi.testing.FxWait;
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
 * The compose window driven as a user drives it (keys and clicks, by fx:id), headless on Monocle,
 * against a real store, a real spooler and the pickup-folder transport.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class ComposeWindowTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

    @TempDir
    static Path tempRoot;
    private Path profile;
    private SqliteMessageStore store;
    private Spooler spooler;
    private ExecutorService background;
    private ComposeWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<Path> chosen = new ArrayList<>();
    private int chooserCalls;

    @Start
    void start(Stage unused) throws Exception {
        profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        store.settings().setUndoWindow(Duration.ofSeconds(60));
        background = Executors.newCachedThreadPool();
        ProgressHub progress = new ProgressHub();
        spooler = new Spooler(store, new PickupFolderTransport(profile.resolve("pickup")), store::readAttachment,
                RetryPolicy.standard(), Clock.systemUTC(), progress);
        spooler.start();
        ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofSeconds(3), Duration.ZERO, 0),
                progress::subscribe, id -> { });
        window = new ComposeWindow(context, owner -> dialogs, owner -> () -> {
            chooserCalls++;
            return List.copyOf(chosen);
        }, List.of(Sender.of(ME)));
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
        spooler.close();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private static <T extends Node> T find(FxRobot robot, String id) {
        return robot.lookup(id).query();
    }

    private void writeMessage(FxRobot robot, String to, String subject, String body) {
        robot.clickOn("#toField").write(to).type(KeyCode.ENTER);
        robot.clickOn("#subjectField").write(subject);
        robot.clickOn("#bodyArea").write(body);
    }

    private List<Path> pickupFiles() throws Exception {
        Path pickup = profile.resolve("pickup");
        if (!Files.isDirectory(pickup)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pickup)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    @Test
    void typeAttachAndSendDeliversTheRightMessage(FxRobot robot) throws Exception {
        store.settings().setUndoWindow(Duration.ZERO);
        chosen.add(Files.writeString(profile.resolve("notes été.txt"), "café ☕", StandardCharsets.UTF_8));
        robot.clickOn("#ccBccToggle");
        writeMessage(robot, "\"Doe, Jane\" <jane@example.org>, bob@example.org", "Résumé du jour", "Bonjour,\nvoici.");
        robot.clickOn("#ccFieldInput").write("carol@example.org").type(KeyCode.TAB);
        robot.clickOn("#attachButton");
        FxWait.until(() -> window.model().message().attachments().size() == 1, "the file is attached");

        robot.clickOn("#sendButton");
        FxWait.until(() -> !uncheckedPickup().isEmpty(), "the message reaches the pickup folder");

        MimeMessage mail;
        try (InputStream in = Files.newInputStream(pickupFiles().get(0))) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals("Résumé du jour", mail.getSubject());
        assertEquals(List.of(new InternetAddress("jane@example.org", "Doe, Jane", "UTF-8"),
                new InternetAddress("bob@example.org")), List.of(mail.getRecipients(MimeMessage.RecipientType.TO)));
        assertEquals("carol@example.org", ((InternetAddress) mail.getRecipients(MimeMessage.RecipientType.CC)[0])
                .getAddress());
        Multipart parts = (Multipart) mail.getContent();
        assertEquals("Bonjour,\nvoici.", ((String) parts.getBodyPart(0).getContent()).strip().replace("\r\n", "\n"));
        Part file = parts.getBodyPart(1);
        assertEquals("notes été.txt", file.getFileName());
        assertEquals("café ☕", new String(file.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        FxWait.until(() -> window.model().sending().sendStateProperty().get() instanceof SendState.HandedOff,
                "handed off");
        assertEquals("Sent: the mail system has the message.", find(robot, "#sendStatus") instanceof Label l
                ? l.getText() : "");
    }

    private List<Path> uncheckedPickup() {
        try {
            return pickupFiles();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cancelInsideTheUndoWindowSendsNothingAndGivesTheMessageBack(FxRobot robot) throws Exception {
        writeMessage(robot, "jane@example.org", "Oops", "Not yet.");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        Button cancel = find(robot, "#cancelSendButton");
        FxWait.until(() -> cancel.isVisible() && !cancel.isDisabled(), "Cancel is offered");
        Label status = find(robot, "#sendStatus");
        assertTrue(status.getText().startsWith("Sending in "), status.getText());
        assertTrue(window.model().message().to().chips().isEmpty(), "the window let go of the recipients");

        robot.clickOn("#cancelSendButton");
        FxWait.until(() -> !window.model().message().to().chips().isEmpty(), "the message is back");

        assertEquals("Oops", ((TextField) find(robot, "#subjectField")).getText());
        assertEquals("Not yet.", ((BodyEditor) find(robot, "#bodyArea")).getText());
        assertEquals("Cancelled. The message is back for editing.", status.getText());
        assertFalse(cancel.isVisible());
        assertTrue(((TextField) find(robot, "#subjectField")).isEditable(), "editable again");
        assertTrue(store.outbox().isEmpty());
        assertTrue(pickupFiles().isEmpty(), "nothing reached the mail system");
    }

    @Test
    void theSendingLookMovesNothingAndShowsTheMessageAsWords(FxRobot robot) throws Exception {
        chosen.add(Files.writeString(profile.resolve("notes.txt"), "twelve bytes"));
        robot.clickOn("#ccBccToggle");
        writeMessage(robot, "\"Doe, Jane\" <jane@example.org>, bob@example.org", "Still", "Nothing moves.");
        robot.clickOn("#ccFieldInput").write("carol@example.org").type(KeyCode.TAB);
        robot.clickOn("#attachButton");
        FxWait.until(() -> window.model().message().attachments().size() == 1, "the file is attached");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> parts = List.of("#toField", "#ccField", "#bccField", "#subjectField", "#bodyArea",
                "#attachmentBar", "#sendStatus", "#cancelSendButton");
        List<Bounds> before = boundsOf(robot, parts);

        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        FxWait.until(() -> window.model().sending().cancelEnabledProperty().get(), "the message is queued");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before, boundsOf(robot, parts), "every part of the window stays where it was");
        assertEquals("\"Doe, Jane\" <jane@example.org>, bob@example.org", heldWordsIn(robot, "#toField"));
        assertEquals("carol@example.org", heldWordsIn(robot, "#ccField"));
        assertEquals("notes.txt (12 bytes)", heldWordsIn(robot, "#attachmentStrip"));
        assertEquals("Total: 12 bytes", ((Label) find(robot, "#totalSizeLabel")).getText());
        assertFalse(((BodyEditor) find(robot, "#bodyArea")).isEditable());
        assertTrue(((Button) find(robot, "#attachButton")).isDisabled());

        robot.clickOn("#cancelSendButton");
        FxWait.until(() -> !window.model().message().to().chips().isEmpty(), "the message is back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, boundsOf(robot, parts), "the editing look comes back as it was");
        assertFalse(robot.lookup("#toField .held-text").query().isVisible(), "chips again, not words");
        assertTrue(((BodyEditor) find(robot, "#bodyArea")).isEditable());
    }

    @Test
    void attachedFilesAreChipsThatTheKeyboardCanRemove(FxRobot robot) throws Exception {
        chosen.add(Files.writeString(profile.resolve("first.txt"), "one"));
        chosen.add(Files.writeString(profile.resolve("second.txt"), "two!"));
        robot.clickOn("#attachButton");
        FxWait.until(() -> window.model().message().attachments().size() == 2, "both files are attached");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("first.txt, 3 bytes", "second.txt, 4 bytes"), robot.lookup(".attachment-chip").queryAll()
                .stream().map(Node::getAccessibleText).toList());
        Button removeFirst = robot.lookup(".attachment-chip .chip-remove").query();
        assertEquals("Remove first.txt", removeFirst.getAccessibleText());
        assertTrue(removeFirst.isFocusTraversable(), "Tab reaches it");

        WaitForAsyncUtils.asyncFx(removeFirst::requestFocus).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.DELETE);
        FxWait.until(() -> window.model().message().attachments().size() == 1, "Delete removes the file");
        assertEquals("second.txt", window.model().message().attachments().get(0).name());

        robot.clickOn(".attachment-chip .chip-remove");
        FxWait.until(() -> window.model().message().attachments().isEmpty(), "a click removes the last one");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(find(robot, "#attachmentBar").isVisible(), "no files, no attachment bar");
    }

    @Test
    void aCopyRowFirstShownWhileSendingShowsItsWordsWhole(FxRobot robot) throws Exception {
        writeMessage(robot, "jane@example.org", "Copies", "A Cc never shown.");
        WaitForAsyncUtils.asyncFx(() -> window.model().message().cc().commit("carol@example.org")).get(5,
                TimeUnit.SECONDS);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        FxWait.until(() -> window.model().sending().cancelEnabledProperty().get(), "the message is queued");

        robot.clickOn("#ccBccToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("carol@example.org", heldWordsIn(robot, "#ccField"));
        RecipientField to = find(robot, "#toField");
        RecipientField cc = find(robot, "#ccField");
        assertEquals(to.getHeight(), cc.getHeight(), 1.0, "as tall as one line of a field");
    }

    private static List<Bounds> boundsOf(FxRobot robot, List<String> ids) {
        return ids.stream().map(id -> {
            Node node = robot.lookup(id).query();
            return node.localToScene(node.getLayoutBounds());
        }).toList();
    }

    private static String heldWordsIn(FxRobot robot, String fieldId) {
        Label words = robot.lookup(fieldId + " .held-text").query();
        assertTrue(words.isVisible() && words.getWidth() > 0, "the words show in " + fieldId);
        return words.getText();
    }

    @Test
    void ctrlWClosesTheWindowAskingAboutUnsavedChangesFirst(FxRobot robot) throws Exception {
        writeMessage(robot, "jane@example.org", "Unsaved", "Not saved yet.");
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("unsaved changes"), dialogs.asked);
        assertTrue(window.stage().isShowing(), "Cancel keeps the window open");

        dialogs.onClose = DialogService.CloseChoice.DISCARD;
        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        FxWait.until(() -> !window.stage().isShowing(), "the window closes");
    }

    @Test
    void escapeCancelsASendingMessage(FxRobot robot) throws Exception {
        writeMessage(robot, "jane@example.org", "Escape", "Esc.");
        robot.clickOn("#sendButton");
        FxWait.until(() -> window.model().sending().cancelEnabledProperty().get(), "Cancel is offered");
        robot.type(KeyCode.ESCAPE);
        FxWait.until(() -> !window.model().message().to().chips().isEmpty(), "the message is back");
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void anInvalidAddressIsMarkedAndSendIsRefusedNamingIt(FxRobot robot) throws Exception {
        writeMessage(robot, "jane@example.org, bob@", "Hi", "Hello");
        Node invalidChip = robot.lookup(".chip-invalid").query();
        assertEquals("bob@: no domain follows the @", invalidChip.getAccessibleText());

        robot.clickOn("#sendButton");
        Label banner = find(robot, "#errorBanner");
        FxWait.until(banner::isVisible, "the error banner shows");
        assertEquals("To: “bob@” is not a valid address (no domain follows the @). Correct it or remove it.",
                banner.getText());
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void chipsWithAnInvalidOneKeepTheFieldOneLineTallAndDrawNoIconOverItsBorder(FxRobot robot) throws Exception {
        RecipientField to = find(robot, "#toField");
        double oneLine = to.getHeight();
        robot.clickOn("#toField").write("jane@example.org, \"Doe, John\" <john@example.org>, bob@, carl@example.org,");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(4, window.model().message().to().chips().size());
        assertEquals(oneLine, to.getHeight(), 0.5, "the field stays one line tall");
        assertTrue(to.editor().getStyleClass().contains("error"), "the field is marked as holding an error");
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.image.ImageView && n.isVisible()).queryAll().isEmpty(),
                "no error icon sits on the field's border");
    }

    @Test
    void aPastedOrQuicklyTypedListBecomesOneChipPerAddress(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString("\"Doe, Jane\" <jane@example.org>; bob@example.org, carol@example.org");
            Clipboard.getSystemClipboard().setContent(content);
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#toField");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        robot.write("dan@example.org, erin@example.org,", 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("\"Doe, Jane\" <jane@example.org>", "bob@example.org", "carol@example.org",
                "dan@example.org", "erin@example.org"), window.model().message().to().chips().stream()
                .map(RecipientChip::text).toList());
        assertEquals("", ((TextField) find(robot, "#toFieldInput")).getText());
        assertEquals("toFieldInput", window.stage().getScene().getFocusOwner().getId(), "typing goes on in the field");
    }

    @Test
    void pastedFilesAreAttached(FxRobot robot) throws Exception {
        Path file = Files.writeString(profile.resolve("pasted.txt"), "from the clipboard");
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(file.toFile()));
            Clipboard.getSystemClipboard().setContent(content);
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#bodyArea");
        robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        FxWait.until(() -> window.model().message().attachments().size() == 1, "the pasted file is attached");
        assertEquals("pasted.txt", window.model().message().attachments().get(0).name());
        assertTrue(((Label) find(robot, "#totalSizeLabel")).getText().endsWith("18 bytes"));
    }

    @Test
    void keyboardShortcutsSaveAttachAndFollowTheSubject(FxRobot robot) throws Exception {
        writeMessage(robot, "jane@example.org", "Shortcuts", "Keys only.");
        assertEquals("Shortcuts — Envoi", window.stage().getTitle());

        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        FxWait.until(() -> !store.drafts().isEmpty(), "the draft is saved");
        assertEquals("Shortcuts", store.drafts().get(0).subject());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> chooserCalls == 1, "the file chooser opens");
    }

    @Test
    void everyControlCanBeNamedByAScreenReader(FxRobot robot) {
        robot.clickOn("#ccBccToggle");
        for (Node node : robot.lookup(n -> n instanceof javafx.scene.control.Control && n.isVisible()
                && n.getId() != null && !n.getId().contains("-")).queryAll()) { // ids with dashes are library internals
            javafx.scene.control.Control control = (javafx.scene.control.Control) node;
            String name = control.getAccessibleText() != null ? control.getAccessibleText()
                    : control instanceof javafx.scene.control.Labeled labeled ? labeled.getText() : null;
            boolean labelled = robot.lookup(n -> n instanceof Label l && l.getLabelFor() == control).tryQuery()
                    .isPresent();
            assertTrue(labelled || (name != null && !name.isBlank()), "no accessible name: #" + control.getId());
            if (control instanceof Button button && button.isFocusTraversable()) {
                assertTrue(button.getAccessibleHelp() != null && !button.getAccessibleHelp().isBlank()
                        || button.getId().equals("ccBccToggle"), "no help text: #" + button.getId());
            }
        }
    }

    @Test
    void theOptionsMenuAsksForAReadReceiptThatTheSentMessageCarries(FxRobot robot) throws Exception {
        store.settings().setUndoWindow(Duration.ZERO);
        writeMessage(robot, "jane@example.org", "Receipt", "Please confirm.");
        MenuButton options = find(robot, "#optionsMenu");
        assertEquals("Options", options.getText());
        robot.clickOn("#optionsMenu").clickOn("#readReceiptCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.model().message().readReceiptProperty().get());
        assertFalse(window.model().message().notifyDeliveryProperty().get());
        assertEquals("Options ✓", options.getText(), "the menu says an option is on");

        robot.clickOn("#sendButton");
        FxWait.until(() -> !uncheckedPickup().isEmpty(), "the message reaches the pickup folder");
        MimeMessage mail;
        try (InputStream in = Files.newInputStream(pickupFiles().get(0))) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals("emile@example.org", InternetAddress.parseHeader(
                mail.getHeader("Disposition-Notification-To", null), true)[0].getAddress());
    }

    @Test
    void theOptionsToggleFromTheKeyboardAndAreAnnouncedAsChecked(FxRobot robot) throws Exception {
        MenuButton options = find(robot, "#optionsMenu");
        WaitForAsyncUtils.asyncFx(options::requestFocus).get(5, TimeUnit.SECONDS);
        robot.type(KeyCode.SPACE).type(KeyCode.DOWN).type(KeyCode.SPACE);
        FxWait.until(() -> window.model().message().notifyDeliveryProperty().get(), "Space ticks the first option");
        assertFalse(window.model().message().readReceiptProperty().get());

        robot.type(KeyCode.SPACE).type(KeyCode.DOWN).type(KeyCode.DOWN);
        Node readReceipt = find(robot, "#readReceiptCheck");
        assertEquals(AccessibleRole.CHECK_MENU_ITEM, WaitForAsyncUtils.asyncFx(
                () -> readReceipt.queryAccessibleAttribute(AccessibleAttribute.ROLE)).get(5, TimeUnit.SECONDS));
        robot.type(KeyCode.ENTER);
        FxWait.until(() -> window.model().message().readReceiptProperty().get(), "Enter ticks the second option");
        assertTrue(window.model().message().notifyDeliveryProperty().get(), "the first one stays ticked");
    }

    @Test
    void aNewWindowTakesTypingInToAtOnce(FxRobot robot) {
        assertEquals("toFieldInput", window.stage().getScene().getFocusOwner().getId());
        robot.write("jane@example.org");
        assertEquals("jane@example.org", ((TextField) find(robot, "#toFieldInput")).getText());
    }

    @Test
    void tabMovesThroughTheFieldsInReadingOrder(FxRobot robot) throws Exception {
        robot.clickOn("#fromField");
        robot.type(KeyCode.ESCAPE);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            robot.type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            order.add(window.stage().getScene().getFocusOwner().getId());
        }
        assertEquals(List.of("accountsButton", "toFieldInput", "subjectField", "bodyArea"), order);
    }
}
