package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
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
 * The compose window while a message is on its way (issue 21, bar 4). The keyboard focus rests
 * never in a field the window no longer lets the user edit, and the transfer's progress reaches
 * the progress bar and the status alone, not every control bound to the window's editing. A focused read-only text field made Prism repaint
 * the whole window about twice a second (the pulse logger's whole-window paints during benchmark
 * 5's send), and those frames were the ones late. A real window on Monocle sends a file through
 * the real spooler and SmtpTransport to a loopback SMTP server; every focus owner from Send to the
 * hand-off is noted.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class WindowWhileSendingTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

    @TempDir
    static Path tempRoot;
    private Path profile;
    private FaultSmtpServer server;
    private SqliteMessageStore store;
    private Spooler spooler;
    private ExecutorService background;
    private ComposeWindow window;
    private final List<Path> chosen = new CopyOnWriteArrayList<>();
    /** Every node that held the focus while the window was locked for sending. */
    private final List<Node> focusedWhileLocked = new CopyOnWriteArrayList<>();
    private final AtomicBoolean lockedOnce = new AtomicBoolean();

    @Start
    void start(Stage unused) throws Exception {
        profile = Files.createTempDirectory(tempRoot, "profile");
        server = new FaultSmtpServer();
        store = SqliteMessageStore.open(profile);
        store.settings().setUndoWindow(Duration.ZERO);
        background = Executors.newCachedThreadPool();
        ProgressHub progress = new ProgressHub();
        Account account = new Account("loopback", ME, "127.0.0.1", server.port(), SmtpSecurity.NONE, "",
                AuthMethod.NONE, 0, true, false, false, "", true);
        spooler = new Spooler(store, new SmtpTransport(account, a -> Optional.empty(), SmtpTimeouts.standard(),
                ServerTrust.system()), store::readAttachment, RetryPolicy.standard(), Clock.systemUTC(), progress);
        spooler.start();
        ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofHours(1), Duration.ZERO, 0),
                progress::subscribe, id -> { });
        window = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> () -> List.copyOf(chosen),
                List.of(Sender.of(ME)));
        window.show();
        window.model().message().editingProperty().addListener((o, was, editing) -> {
            if (!editing) {
                lockedOnce.set(true);
            }
        });
        window.stage().getScene().focusOwnerProperty().addListener((o, was, now) -> {
            if (!window.model().message().editingProperty().get()) {
                focusedWhileLocked.add(now == null ? window.stage().getScene().getRoot() : now);
            }
        });
    }

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
        server.close();
    }

    @Test
    void sendClickedLeavesTheFocusInNoReadOnlyFieldUntilHandedOff(FxRobot robot) throws Exception {
        writeAndAttach(robot);
        robot.clickOn("#sendButton");
        awaitHandedOff();
        assertNoReadOnlyFieldFocused();
    }

    @Test
    void sendFromTheKeyboardInTheBodyLeavesTheFocusInNoReadOnlyField(FxRobot robot) throws Exception {
        sendFromTheKeyboardIn(robot, "#bodyArea");
    }

    @Test
    void sendFromTheKeyboardInTheSubjectLeavesTheFocusInNoReadOnlyField(FxRobot robot) throws Exception {
        sendFromTheKeyboardIn(robot, "#subjectField");
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        Node next = window.stage().getScene().getFocusOwner();
        assertTrue(next != null && next != window.stage().getScene().getRoot(), "Tab goes into the window: " + next);
    }

    @Test
    void sendFromTheKeyboardInTheRecipientsLeavesTheFocusInNoReadOnlyField(FxRobot robot) throws Exception {
        sendFromTheKeyboardIn(robot, "#toField");
    }

    /** Writes, attaches, sends with Ctrl+Enter from {@code field}, waits for the hand-off: no read-only field focused. */
    private void sendFromTheKeyboardIn(FxRobot robot, String field) throws Exception {
        writeAndAttach(robot);
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        awaitHandedOff();
        assertNoReadOnlyFieldFocused();
    }

    @Test
    void theProgressOfATransferLeavesTheWindowsEditingAlone(FxRobot robot) throws Exception {
        writeAndAttachSlowly(robot);
        AtomicInteger editingTold = new AtomicInteger();
        AtomicInteger progressTold = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            window.model().message().editingProperty().addListener(o -> editingTold.incrementAndGet());
            window.model().sending().progressProperty().addListener(o -> progressTold.incrementAndGet());
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#sendButton");
        awaitHandedOff();
        // Submitting, transferring (each progress tick a new state), handed off: one change of
        // editing among them, at Send. Each invalidation reached a dozen bound controls.
        assertEquals(1, editingTold.get(), "editing was told once, at Send");
        assertTrue(progressTold.get() >= 2, () -> "the progress moved: " + progressTold.get());
    }

    /**
     * A tick of a transfer's progress changes a few words and the bar's length: it must not make the
     * window lay itself out again (each did, through the status label and the bar, up to the root),
     * and it comes a few times a second, not twenty.
     */
    @Test
    void aProgressTickComesAFewTimesASecondAndLaysOutOnlyTheStatus(FxRobot robot) throws Exception {
        writeAndAttachSlowly(robot);
        List<Long> ticks = new CopyOnWriteArrayList<>();
        AtomicInteger rootLayouts = new AtomicInteger();
        WaitForAsyncUtils.asyncFx(() -> {
            window.model().sending().sendStateProperty().addListener((o, was, now) -> {
                if (now instanceof SendState.Transferring t && t.written() > 0) {
                    ticks.add(System.nanoTime());
                }
            });
            // From the second tick on, nothing but the progress changes: a layout the root needs
            // then was asked for by a tick.
            window.stage().getScene().getRoot().needsLayoutProperty().addListener((o, was, needs) -> {
                if (needs && ticks.size() >= 2 && window.model().sending().sendStateProperty().get()
                        instanceof SendState.Transferring) {
                    rootLayouts.incrementAndGet();
                }
            });
        }).get(5, TimeUnit.SECONDS);
        robot.clickOn("#sendButton");
        awaitHandedOff();

        assertTrue(ticks.size() >= 2, () -> "the progress moved: " + ticks.size() + " ticks");
        // Three a second at most, measured from the first tick to the last (one tick of slack for
        // a first one the FX thread took late); up to twenty a second before.
        double span = (ticks.get(ticks.size() - 1) - ticks.get(0)) / 1e9;
        assertTrue(ticks.size() - 1 <= 1 + 3 * span, () -> ticks.size() + " ticks in " + span + " s, "
                + rootLayouts.get() + " layouts of the whole window");
        assertEquals(0, rootLayouts.get(), () -> "layouts of the whole window asked for by progress ticks, of "
                + ticks.size());
    }

    /** An indeterminate bar animates at every frame; a transfer's size is known from its start. */
    @Test
    void aTransferOfKnownSizeNeverShowsAnAnimatedBar(FxRobot robot) throws Exception {
        writeAndAttach(robot);
        List<Double> shown = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> window.model().sending().sendStateProperty().addListener((o, was, now) -> {
            if (now instanceof SendState.Transferring t && t.total() > 0) {
                shown.add(window.model().sending().progressProperty().get());
            }
        })).get(5, TimeUnit.SECONDS);
        robot.clickOn("#sendButton");
        awaitHandedOff();

        assertTrue(!shown.isEmpty(), "the transfer was shown");
        assertTrue(shown.stream().allMatch(p -> p >= 0 && p <= 1), () -> "progress shown while transferring: " + shown);
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i) >= shown.get(i - 1), () -> "the bar never goes back (handing off shows it full): "
                    + shown);
        }
    }

    /** The bar keeps its room, as Cancel does: its arrival lays out no more than itself. */
    @Test
    void theProgressBarsArrivalMovesNothing(FxRobot robot) throws Exception {
        writeAndAttach(robot);
        Node words = robot.lookup("#sendStatus").query();
        Bounds before = WaitForAsyncUtils.asyncFx(() -> words.localToScene(words.getLayoutBounds()))
                .get(5, TimeUnit.SECONDS);
        List<Bounds> whileSending = new CopyOnWriteArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().addPostLayoutPulseListener(() -> {
            if (window.model().sending().sendStateProperty().get() instanceof SendState.Transferring) {
                whileSending.add(words.localToScene(words.getLayoutBounds()));
            }
        })).get(5, TimeUnit.SECONDS);
        robot.clickOn("#sendButton");
        awaitHandedOff();

        assertTrue(!whileSending.isEmpty(), "frames were drawn while transferring");
        assertTrue(whileSending.stream().allMatch(before::equals), () -> "the status words were at " + before
                + ", then at " + new java.util.LinkedHashSet<>(whileSending));
    }

    /** Passes on the code before too (the focus then never left the subject): it guards the way back. */
    @Test
    void aRefusedMessageComesBackWithTheFocusWhereItWasTaken(FxRobot robot) throws Exception {
        server.reply(FaultSmtpServer.Stage.RCPT, "550 5.1.1 No such user here");
        writeAndAttach(robot);
        robot.clickOn("#subjectField");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        FxWait.until(lockedOnce::get, "the window is locked for sending");
        FxWait.until(() -> window.model().message().editingProperty().get(), "the refused message is back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("subjectField", window.stage().getScene().getFocusOwner().getId());
        assertTrue(focusedWhileLocked.stream().noneMatch(WindowWhileSendingTest::readOnlyText),
                () -> "focused while sending: " + focusedWhileLocked);
    }

    private void writeAndAttach(FxRobot robot) throws Exception {
        writeAndAttach(robot, 512 * 1024);
    }

    /** A file whose transfer to a slow reader lasts seconds: loopback's socket buffers take megabytes at once. */
    private void writeAndAttachSlowly(FxRobot robot) throws Exception {
        server.slowReader(1);
        writeAndAttach(robot, 16 * 1024 * 1024);
    }

    private void writeAndAttach(FxRobot robot, int size) throws Exception {
        byte[] file = new byte[size];
        new Random(21).nextBytes(file);
        chosen.add(Files.write(profile.resolve("video.bin"), file));
        robot.clickOn("#toField").write("jane@example.org").type(KeyCode.ENTER);
        robot.clickOn("#subjectField").write("The video");
        robot.clickOn("#attachButton");
        FxWait.until(() -> window.model().message().attachments().size() == 1, "the file is attached");
    }

    private void awaitHandedOff() throws Exception {
        FxWait.until(() -> window.model().sending().sendStateProperty().get() instanceof SendState.HandedOff,
                "the message is handed off");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, server.kept().size(), "the server took the message");
    }

    private void assertNoReadOnlyFieldFocused() {
        assertTrue(focusedWhileLocked.stream().noneMatch(WindowWhileSendingTest::readOnlyText),
                () -> "focused while sending: " + focusedWhileLocked);
        Node now = window.stage().getScene().getFocusOwner();
        assertTrue(now == null || !readOnlyText(now), () -> "focused once handed off: " + now);
    }

    private static boolean readOnlyText(Node node) {
        return node instanceof TextInputControl text && !text.isEditable();
    }
}
