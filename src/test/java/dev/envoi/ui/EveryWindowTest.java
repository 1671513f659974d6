package dev.envoi.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.CredentialChain;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.compose.ComposeContext;
import dev.envoi.compose.ComposeSettings;
import dev.envoi.compose.ComposeWindow;
import dev.envoi.compose.WindowBody;
import dev.envoi.compose.Sender;
import dev.envoi.compose.DialogService;
import dev.envoi.compose.FxScheduler;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.outbox.OutboxContext;
import dev.envoi.outbox.OutboxDialogs;
import dev.envoi.outbox.OutboxWindow;
import dev.envoi.outbox.SentMessageWindow;
import dev.envoi.settings.AccountsContext;
import dev.envoi.settings.AccountsWindow;
import dev.envoi.settings.ConnectionTester;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What holds for every window. At its default size, in English and in French, with the texts a user meets (a
 * refused address, a retry error, a server's reply): no text is cut off unless a tooltip holds
 * it whole. With {@code -Denvoi.shots=DIR} (and {@code -Denvoi.shots.theme=dark}) it also keeps
 * a picture of each window there, to look at.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class EveryWindowTest {

    private static final String LONG_RETRY = "421 4.7.0 Try again later, closing connection."
            + " (too many concurrent SMTP connections from this IP address)";
    private static final String REFUSAL = "550 5.1.1 <jane@example.org>: Recipient address rejected:"
            + " User unknown in virtual mailbox table";

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private Path profile;
    private ExecutorService background;
    private EntryId sentId;
    private final List<Stage> opened = new ArrayList<>();
    private Locale before;

    @Start
    void start(Stage unused) {
    }

    @BeforeEach
    void messagesOfEveryKind() throws Exception {
        before = Locale.getDefault();
        profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        Instant now = Instant.now();
        EntryId refused = store.submit(Drafts.draft("Refused"), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(now.plusSeconds(1)).orElseThrow();
        store.returnToDrafts(refused, REFUSAL, List.of(MailAddress.of("jane@example.org")));
        EntryId delivered = store.submit(Drafts.draft("Delivered"), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(now.plusSeconds(1)).orElseThrow();
        store.recordHandOff(delivered);
        store.markDelivered(delivered, "250 2.0.0 Ok: queued as 4ABCDEF0123", now, true);
        sentId = store.sent().get(0).id();
        EntryId retrying = store.submit(Drafts.draft("Retrying"), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(now.plusSeconds(1)).orElseThrow();
        store.scheduleRetry(retrying, LONG_RETRY, now.plusSeconds(3600));
        store.submit(Drafts.draft("Later"), SubmitOptions.undo(Duration.ofSeconds(600)));
    }

    @AfterEach
    void closeAll() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> opened.forEach(Stage::close)).get(10, TimeUnit.SECONDS);
        Locale.setDefault(before);
        Theme.use(Theme.LIGHT);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "fr"})
    void everyTextShowsWhole(String language, FxRobot robot) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(language));
        Theme.use("dark".equals(System.getProperty("envoi.shots.theme")) ? Theme.DARK : Theme.LIGHT);
        List<String> cut = new ArrayList<>();

        ComposeWindow compose = fx(this::compose);
        FxWait.until(() -> !compose.model().errorProperty().get().isEmpty(), "the refusal shows in the banner");
        cut.addAll(look(compose.stage(), "compose", language));

        OutboxWindow outbox = fx(this::outbox);
        TableView<?> table = robot.lookup("#outboxTable").query();
        FxWait.until(() -> table.getItems().size() == 2, "the outbox lists its messages");
        for (String tab : List.of("outboxTab", "draftsTab", "sentTab")) {
            robot.interact(() -> {
                TabPane tabs = (TabPane) outbox.stage().getScene().lookup("#folderTabs");
                tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tab.equals(t.getId())).findFirst()
                        .orElseThrow());
                Node shown = tabs.getSelectionModel().getSelectedItem().getContent().lookup(".table-view");
                selectLongest((TableView<?>) shown);
            });
            WaitForAsyncUtils.waitForFxEvents();
            cut.addAll(look(outbox.stage(), "outbox-" + tab, language));
            if (tab.equals("outboxTab")) {
                Labeled detail = robot.lookup("#outboxDetail").query();
                assertTrue(detail.isVisible() && detail.getText().contains(LONG_RETRY), detail.getText());
            }
        }

        AccountsWindow accounts = fx(this::accounts);
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<SmtpSecurity> security = (ChoiceBox<SmtpSecurity>) accounts.stage().getScene().lookup("#securityField");
            security.setValue(SmtpSecurity.NONE);
        });
        cut.addAll(look(accounts.stage(), "accounts", language));

        SentMessageWindow viewer = fx(() -> new SentMessageWindow(store.sentContent(sentId),
                SentMessageWindow.Delivery.of(store, sentId)));
        cut.addAll(look(viewer.stage(), "sent-viewer", language));
        List<String> shown = robot.from(viewer.stage().getScene().getRoot()).lookup(".label").queryAllAs(Labeled.class)
                .stream().map(Labeled::getText).toList();
        assertTrue(shown.contains("250 2.0.0 Ok: queued as 4ABCDEF0123"), "the server's reply: " + shown);
        assertTrue(shown.contains(language.equals("fr") ? "Envoyé :" : "Sent:"), "when it was sent: " + shown);

        assertEquals(List.of(), cut, "texts cut off in " + language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LIGHT", "DARK"})
    void everyTextIsReadableOnItsBackground(String theme, FxRobot robot) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Theme.use(Theme.valueOf(theme));
        List<Stage> stages = new ArrayList<>();
        stages.add(fx(this::compose).stage());
        OutboxWindow outbox = fx(this::outbox);
        stages.add(outbox.stage());
        AccountsWindow accounts = fx(this::accounts);
        stages.add(accounts.stage());
        stages.add(fx(() -> new SentMessageWindow(store.sentContent(sentId))).stage());
        TableView<?> table = robot.lookup("#outboxTable").query();
        FxWait.until(() -> table.getItems().size() == 2, "the outbox lists its messages");
        robot.interact(() -> selectLongest(table));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> poor = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new ArrayList<>();
            for (Stage stage : stages) {
                visit(stage.getScene().getRoot(), node -> {
                    if (node instanceof Labeled labeled && shows(labeled) && !labeled.isDisabled()
                            && labeled.getText() != null && !labeled.getText().isBlank()) {
                        Contrast.foreground(labeled).ifPresent(fg -> {
                            javafx.scene.paint.Color bg = Contrast.background(labeled);
                            double ratio = Contrast.ratio(fg, bg);
                            if (ratio < 4.5) {
                                found.add(String.format(Locale.ROOT, "%s “%s”: %.2f:1 (%s on %s)",
                                        labeled.getId() != null ? "#" + labeled.getId() : labeled.getStyleClass(),
                                        labeled.getText(), ratio, fg, bg));
                            }
                        });
                    }
                    // The body's words are Text nodes of the rich editor, not Labeleds.
                    if (node instanceof javafx.scene.text.Text text && !text.getText().isBlank()
                            && text.getFill() instanceof javafx.scene.paint.Color fg && inBody(text)) {
                        double ratio = Contrast.ratio(fg, Contrast.background(text));
                        if (ratio < 4.5) {
                            found.add(String.format(Locale.ROOT, "body text “%s”: %.2f:1 (%s on %s)",
                                    text.getText(), ratio, fg, Contrast.background(text)));
                        }
                    }
                });
            }
            return found;
        }).get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), poor, "texts under 4.5:1 in the " + theme + " theme");
    }

    private static boolean inBody(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if ("bodyArea".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    /** Selects the row with the most to say, the one most likely cut short. */
    private static <T> void selectLongest(TableView<T> table) {
        table.getItems().stream().max(java.util.Comparator.comparingInt(row -> row.toString().length()))
                .ifPresent(row -> table.getSelectionModel().select(row));
    }

    @Test
    void everyWindowButComposeClosesWithEscapeCtrlWOrItsCloseButton(FxRobot robot) throws Exception {
        List<WindowMaker<?>> makers = List.of(this::outbox, this::accounts,
                () -> new SentMessageWindow(store.sentContent(sentId)));
        for (WindowMaker<?> maker : makers) {
            for (String how : List.of("escape", "ctrl-w", "button")) {
                Object window = fx(maker);
                Stage stage = (Stage) window.getClass().getMethod("stage").invoke(window);
                robot.interact(stage::requestFocus);
                switch (how) {
                    case "escape" -> robot.type(KeyCode.ESCAPE);
                    case "ctrl-w" -> robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
                    default -> {
                        javafx.scene.control.Button close = robot.lookup(".button").match(n -> n.getId() != null
                                && n.getId().startsWith("close") && n.getScene() == stage.getScene()).queryButton();
                        // Every Close sits at the right (the sent viewer's was at the left, seen under Xvfb).
                        double gap = stage.getScene().getWidth() - close.localToScene(close.getLayoutBounds()).getMaxX();
                        assertTrue(gap < 30, window.getClass().getSimpleName() + "'s Close is " + gap + " px from the right");
                        robot.clickOn(close);
                    }
                }
                FxWait.until(() -> !stage.isShowing(), window.getClass().getSimpleName() + " closes by " + how);
            }
        }
    }

    private ComposeWindow compose() {
        ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), ComposeSettings.DEFAULT, new ProgressHub()::subscribe, id -> { });
        ComposeWindow window = new ComposeWindow(context, owner -> answers(DialogService.class), owner -> List::of,
                List.of(Sender.of(new MailAddress("Émile Envoi", "emile@example.org"))));
        window.model().message().to().commit("jane@example.org, bob@");
        window.model().message().subjectProperty().set("Quarterly figures");
        window.model().message().bodyProperty().set("The words the sender reads as they write.");
        window.model().message().bodyHtmlProperty().set("<div>The words the sender reads, and <a href=\"https://example.org/\">a link</a>.</div>");
        window.model().sending().send();
        return window;
    }

    private OutboxWindow outbox() {
        OutboxContext context = new OutboxContext(store, background, Platform::runLater, Clock.systemDefaultZone(),
                new ProgressHub()::subscribe, id -> { }, id -> { });
        return new OutboxWindow(context, owner -> answers(OutboxDialogs.class));
    }

    private AccountsWindow accounts() {
        ConnectionTester tester = (account, secret) -> List.of();
        // With the IMAP part, whose rows are looked at too.
        AccountsContext context = new AccountsContext(store.accounts(),
                CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")), tester,
                background, Platform::runLater, () -> { }, address -> new dev.envoi.setup.Finding(Optional.empty(),
                        List.of()), null, store.imapSettings());
        return new AccountsWindow(context, owner -> name -> false);
    }

    private interface WindowMaker<T> {
        T make() throws Exception;
    }

    /** Makes and shows a window on the FX thread. */
    private <T> T fx(WindowMaker<T> maker) throws Exception {
        T window = WaitForAsyncUtils.asyncFx(() -> {
            T made = maker.make();
            Stage stage = (Stage) made.getClass().getMethod("stage").invoke(made);
            opened.add(stage);
            stage.show();
            return made;
        }).get(20, TimeUnit.SECONDS);
        if (window instanceof ComposeWindow compose) {
            WindowBody.await(compose); // its body is built after the first frame
        }
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    /** The questions answered "no" (none is asked here). */
    @SuppressWarnings("unchecked")
    private static <T> T answers(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                method.getReturnType() == boolean.class ? false
                        : method.getReturnType() == Optional.class ? Optional.empty()
                        : method.getReturnType() == DialogService.CloseChoice.class ? DialogService.CloseChoice.DISCARD
                        : null);
    }

    /** What is cut off in this window as it is now; keeps its picture if asked to. */
    private static List<String> look(Stage stage, String name, String language) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Snapshots.keep(scene, name + "-" + language);
            List<String> cut = new ArrayList<>();
            visit(scene.getRoot(), node -> {
                if (node instanceof Labeled labeled) {
                    cutOff(labeled, scene).ifPresent(what -> cut.add(name + ": " + what));
                }
            });
            return cut;
        }).get(20, TimeUnit.SECONDS);
    }

    private static Optional<String> cutOff(Labeled labeled, Scene scene) {
        if (!shows(labeled) || labeled.getText() == null || labeled.getText().isBlank()) {
            return Optional.empty();
        }
        String whole = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_(?=.)", "") : labeled.getText();
        Tooltip tip = labeled.getTooltip();
        if (tip != null && tip.getText() != null && tip.getText().contains(whole)) {
            return Optional.empty();
        }
        String who = (labeled.getId() != null ? "#" + labeled.getId() : labeled.getClass().getSimpleName()) + " “" + whole + "”";
        Text shown = shownText(labeled);
        if (shown != null && !shown.getText().replace("\n", " ").strip().equals(whole.replace("\n", " ").strip())) {
            return Optional.of(who + " shows only “" + shown.getText() + "”");
        }
        if (!(labeled instanceof IndexedCell<?>)) {
            Bounds bounds = labeled.localToScene(labeled.getLayoutBounds());
            ScrollPane scroller = scrollerOf(labeled);
            if (scroller != null) {
                // Scrolled into sight when wanted (up and down), but never cut at the viewport's right edge.
                Bounds viewport = scroller.localToScene(scroller.getLayoutBounds());
                return bounds.getMaxX() > Math.min(viewport.getMaxX(), scene.getWidth()) + 0.5
                        ? Optional.of(who + " goes past its scrolled form's right edge") : Optional.empty();
            }
            if (bounds.getMaxX() > scene.getWidth() + 0.5 || bounds.getMaxY() > scene.getHeight() + 0.5) {
                return Optional.of(who + " goes past the window's edge");
            }
        }
        return Optional.empty();
    }

    /** The scroll pane whose scrolled content holds the node (not a list's or a text area's), or null. */
    private static ScrollPane scrollerOf(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane scroll && scroll.getContent() != null && isWithin(node, scroll.getContent())) {
                return scroll;
            }
        }
        return null;
    }

    private static boolean isWithin(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The text node the labeled's skin draws (a wrapped text has line breaks where it wraps). */
    private static Text shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text;
            }
        }
        return null;
    }

    private static boolean shows(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, action);
            }
        }
    }
}
