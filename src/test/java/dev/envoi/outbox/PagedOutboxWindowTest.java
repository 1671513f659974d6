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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ScrollBar;
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
 * unless its text is cut short (cells and tooltips were most of the opening's FX time). Scrolling
 * Sent lays out the rows shown, not every row passed (a table whose rows may differ in height
 * measures each row it scrolls past), and scrolling on page by page finds each next page read
 * ahead, so the table's items see no replacement (which makes a TableView redo every cell).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class PagedOutboxWindowTest {

    private static final int JUMPS = 10;

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

    @Test
    void scrollingSentLaysOutTheRowsShownNotTheRowsPassed(FxRobot robot) throws Exception {
        TableView<FolderRow> sent = robot.lookup("#sentTable").query();
        Set<Integer> laidOut = new HashSet<>();
        // Every index the table gives a row, to show it or to measure it (counted, nothing changed).
        robot.interact(() -> sent.setRowFactory(table -> new TableRow<>() {
            @Override
            public void updateIndex(int i) {
                super.updateIndex(i);
                if (i >= 0) {
                    laidOut.add(((RowWindow<FolderRow>) getTableView().getItems()).start() + i);
                }
            }
        }));
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> window.model().sent().size() == 3_000 && !sent.getItems().isEmpty()
                && sent.getItems().get(0).id() != null, "Sent is listed");
        WaitForAsyncUtils.waitForFxEvents();
        int visible = robot.lookup("#sentTable .table-row-cell").queryAll().size();
        for (int jump = 1; jump <= JUMPS; jump++) {
            int row = jump * 250;
            // Sent's table holds a stretch of the folder; its bar scrolls the whole (WindowedScrolling).
            robot.interact(() -> robot.lookup("#sentScroll").queryAs(ScrollBar.class).setValue(row));
            FxWait.until(() -> window.model().sent().get(row).id() != null, "row " + row + " is read");
            WaitForAsyncUtils.waitForFxEvents();
        }
        // A jump may land a fraction of a pixel above its row (the flow sums row heights in
        // doubles), which shows one row more.
        int shown = (JUMPS + 1) * (visible + 1);
        assertTrue(laidOut.size() <= shown, "rows laid out: " + laidOut.size() + " for " + JUMPS
                + " jumps of " + visible + " rows shown (at most " + shown + ")");
    }

    @Test
    void scrollingOnFindsTheNextPageReadAheadSoTheTableHasNothingToRedo(FxRobot robot) throws Exception {
        TableView<FolderRow> sent = robot.lookup("#sentTable").query();
        FxWait.until(() -> window.model().sent().size() == 3_000 && window.model().sent().get(0).id() != null,
                "Sent's first page is read");
        WaitForAsyncUtils.waitForFxEvents();
        long opened = counted.rows.get();
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> !sent.getItems().isEmpty() && sent.getItems().get(0).id() != null, "Sent is listed");
        // Shown at the top, Sent reads the page after the rows shown before it is scrolled onto.
        FxWait.until(() -> counted.rows.get() >= opened + PagedRows.PAGE, "the page after the rows shown is read ahead");
        WaitForAsyncUtils.waitForFxEvents();
        long listed = counted.rows.get();
        robot.interact(() -> sent.scrollTo(PagedRows.PAGE));
        FxWait.until(() -> counted.rows.get() >= listed + PagedRows.PAGE, "the page after the one shown is read");
        WaitForAsyncUtils.waitForFxEvents();
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> sent.getItems().addListener((ListChangeListener<FolderRow>) c -> changes.incrementAndGet()));
        for (int page = 2; page <= 8; page++) {
            int top = page * PagedRows.PAGE;
            long after = listed + (long) page * PagedRows.PAGE;
            robot.interact(() -> sent.scrollTo(top));
            FxWait.until(() -> counted.rows.get() >= after, "page " + (page + 1) + " is read ahead");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(0, changes.get(), "rows replaced in the table's items while scrolling on");
    }
}
