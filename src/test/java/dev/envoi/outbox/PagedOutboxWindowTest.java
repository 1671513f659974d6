package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.spool.ProgressHub;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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
 * The real Outbox window, headless, on a profile holding 1,000 queued, 1,000 drafts and 3,000 sent
 * (issue 21): its tables show their first rows having read a page or two of each list, not the
 * lists; what the tables ask of their items (selection, focus, layout) does not read them whole;
 * and the cells shown make no tooltip until the pointer comes over one.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class PagedOutboxWindowTest {

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore real;
    private CountingStore counted;
    private ExecutorService background;
    private OutboxWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        BigProfile.generate(profile, new BigProfile.Size(3_000, 100, 1_000, 1_000, 10), 21);
        real = SqliteMessageStore.open(profile);
        counted = new CountingStore(real);
        background = Executors.newCachedThreadPool();
        OutboxContext context = new OutboxContext(counted.store, background, Platform::runLater,
                Clock.systemDefaultZone(), new ProgressHub()::subscribe, id -> { }, id -> { });
        window = new OutboxWindow(context, owner -> new OutboxViewModelTest.Answers());
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        real.close();
    }

    @Test
    void theWindowShowsItsListsHavingReadAPageOfEach(FxRobot robot) throws Exception {
        TableView<OutboxRow> outbox = robot.lookup("#outboxTable").query();
        TableView<FolderRow> drafts = robot.lookup("#draftsTable").query();
        TableView<FolderRow> sent = robot.lookup("#sentTable").query();
        FxWait.until(() -> outbox.getItems().size() == 1_000 && outbox.getItems().get(0).id() != null
                && drafts.getItems().size() == 1_000 && drafts.getItems().get(0).id() != null
                && sent.getItems().size() == 3_000 && sent.getItems().get(0).id() != null, "the three lists have rows");
        // Pages the tables asked for would arrive within moments; give them the time to.
        Thread.sleep(1_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(counted.rows.get() <= 3L * 2 * PagedRows.PAGE, "rows read to open the window: " + counted.rows);
        assertEquals(Set.of(), counted.wholeFolders, "no folder is read whole");
    }

    @Test
    void aCellMakesItsTooltipOnlyWhenThePointerComesOverIt(FxRobot robot) throws Exception {
        TableView<OutboxRow> outbox = robot.lookup("#outboxTable").query();
        FxWait.until(() -> outbox.getItems().size() == 1_000 && outbox.getItems().get(0).id() != null, "listed");
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell> cells = robot.lookup("#outboxTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getText() != null && c.isVisible()).toList();
        assertTrue(cells.size() > 10, "cells with text: " + cells.size());
        assertTrue(cells.stream().allMatch(c -> c.getTooltip() == null), "no tooltip is made before it can show");
        TableCell cell = cells.get(0);
        robot.moveTo(cell);
        FxWait.until(() -> cell.getTooltip() != null, "the pointer over the cell makes its tooltip");
        assertEquals(cell.getText(), cell.getTooltip().getText());
    }
}
