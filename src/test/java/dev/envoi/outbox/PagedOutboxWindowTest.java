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
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
 * the Drafts and Sent tables make no cells behind their tabs, and a cell shown makes no tooltip
 * unless its text is cut short (cells and tooltips were most of the opening's FX time).
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
        OutboxViewModel model = window.model();
        FxWait.until(() -> outbox.getItems().size() == 1_000 && outbox.getItems().get(0).id() != null
                && model.drafts().size() == 1_000 && model.drafts().get(0).id() != null
                && model.sent().size() == 3_000 && model.sent().get(0).id() != null, "the three lists have rows");
        // Pages the tables asked for would arrive within moments; give them the time to.
        Thread.sleep(1_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(counted.rows.get() <= 3L * 2 * PagedRows.PAGE, "rows read to open the window: " + counted.rows);
        assertEquals(Set.of(), counted.wholeFolders, "no folder is read whole");
    }

    @Test
    void onlyACellWhoseTextIsCutMakesATooltip(FxRobot robot) throws Exception {
        TableView<OutboxRow> outbox = robot.lookup("#outboxTable").query();
        FxWait.until(() -> outbox.getItems().size() == 1_000 && outbox.getItems().get(0).id() != null, "listed");
        WaitForAsyncUtils.waitForFxEvents();
        List<TableCell> cells = robot.lookup("#outboxTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getText() != null && c.isVisible()).toList();
        List<TableCell> whole = cells.stream().filter(c -> shown(c).equals(c.getText())).toList();
        List<TableCell> cut = cells.stream().filter(c -> !shown(c).equals(c.getText())).toList();
        assertTrue(whole.size() > 10, "cells showing their whole text: " + whole.size());
        assertTrue(whole.stream().allMatch(c -> c.getTooltip() == null), "a tooltip for a text shown whole");
        assertTrue(cut.stream().allMatch(c -> c.getTooltip() != null && c.getTooltip().getText().equals(c.getText())),
                "a text cut short without its tooltip");
        robot.interact(() -> outbox.getColumns().get(0).setPrefWidth(30));
        WaitForAsyncUtils.waitForFxEvents();
        TableCell subject = robot.lookup("#outboxTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == outbox.getColumns().get(0) && c.getText() != null).findFirst().orElseThrow();
        assertEquals(subject.getText(), subject.getTooltip() == null ? null : subject.getTooltip().getText(),
                "a column made narrow gives its cut texts their tooltips");
    }

    private static String shown(TableCell<?, ?> cell) {
        return cell.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .findFirst().orElse("");
    }

    @Test
    void theDraftsAndSentTablesMakeTheirCellsWhenTheirTabIsShown(FxRobot robot) throws Exception {
        OutboxViewModel model = window.model();
        FxWait.until(() -> model.drafts().size() == 1_000 && model.sent().size() == 3_000, "the lists are read");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<FolderRow> drafts = robot.lookup("#draftsTable").query();
        assertEquals(0, robot.from(drafts).lookup(".table-row-cell").queryAll().size(), "no row is made behind its tab");
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(1));
        FxWait.until(() -> drafts.getItems().size() == 1_000 && robot.from(drafts).lookup(".table-row-cell").queryAll()
                .stream().anyMatch(row -> row instanceof TableRow<?> r && r.getItem() != null), "Drafts shows its rows");
        assertTrue(((FolderRow) drafts.getItems().get(0)).subject().endsWith("#999"), "newest first");
        TableView<FolderRow> sent = robot.lookup("#sentTable").query();
        assertEquals(0, robot.from(sent).lookup(".table-row-cell").queryAll().size(), "no row is made behind its tab");
    }
}
