package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.store.SqliteMessageStore;
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
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What nobody can reach in the compose window's first frame is made right after it (LaterParts,
 * issue 21): the first frame holds no status tooltip, and once the window is whole the tooltip is
 * there and holds the whole status, through the real window and a real store.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class LaterPartsWindowTest {

    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");

    private SqliteMessageStore store;
    private ExecutorService background;
    private ComposeContext context;
    private ComposeWindow window;

    @Start
    void start(Stage unused) throws Exception {
        store = SqliteMessageStore.open(Files.createTempDirectory("later-parts"));
        background = Executors.newCachedThreadPool();
        context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                Clock.systemDefaultZone(), new ComposeSettings(Duration.ofMinutes(5), Duration.ZERO, 0),
                new ProgressHub()::subscribe, id -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        }
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void theFirstFrameHasNoStatusTooltipAndTheWholeWindowHasOneThatFollowsTheStatus(FxRobot robot) throws Exception {
        List<Tooltip> first = new ArrayList<>();
        window = WaitForAsyncUtils.asyncFx(() -> {
            ComposeWindow w = new ComposeWindow(context, owner -> new ScriptedDialogs(), owner -> List::of,
                    List.of(Sender.of(ME)));
            Scene scene = w.stage().getScene();
            Runnable[] look = new Runnable[1];
            look[0] = () -> {
                if (w.stage().isShowing()) {
                    scene.removePostLayoutPulseListener(look[0]);
                    first.add(((Label) scene.lookup("#sendStatus")).getTooltip());
                }
            };
            scene.addPostLayoutPulseListener(look[0]);
            w.show();
            return w;
        }).get(10, TimeUnit.SECONDS);
        WindowBody.await(window);

        assertEquals(1, first.size());
        assertNull(first.get(0), "the first frame makes no Tooltip (its class, popup window and font)");
        Label status = robot.lookup("#sendStatus").queryAs(Label.class);
        assertNotNull(status.getTooltip(), "the whole window has the status tooltip");
        String[] tipAndStatus = WaitForAsyncUtils.asyncFx(() -> new String[] {status.getTooltip().getText(),
                window.model().statusProperty().get(), String.valueOf(status.getTooltip().textProperty().isBound())})
                .get(10, TimeUnit.SECONDS);
        assertEquals(tipAndStatus[1], tipAndStatus[0], "it holds the whole status");
        assertEquals("true", tipAndStatus[2], "and follows it");
        assertEquals(480, status.getTooltip().getMaxWidth(), "and wraps a long one");
    }
}
