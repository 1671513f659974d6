package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
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
 * The real Outbox window, headless, on a profile with 6,000 sent (issue 21, bar 2: scrolling Sent
 * without a frame gap). JavaFX 21's table walks a size it keeps per row of its items several
 * times at every scroll step, so what it does per step grew with Sent; the Sent table now holds a
 * stretch of at most {@link RowWindow#SPAN} rows whatever Sent holds, and a bar beside it scrolls
 * the whole: to the oldest message, by the bar, the wheel's path and the keys, keeping the
 * selected message selected while its stretch is left and come back to.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(180)
class WindowedSentWindowTest {

    private static final int SENT = 6_000;

    @TempDir
    static Path tempRoot;
    private BigSentWindow shown;
    private OutboxWindow window;
    private TableView<FolderRow> table;
    private ScrollBar bar;

    @Start
    void start(Stage unused) throws Exception {
        shown = BigSentWindow.show(tempRoot, SENT);
        window = shown.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        shown.close();
    }

    private void showSent(FxRobot robot) throws Exception {
        table = robot.lookup("#sentTable").query();
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> window.model().sent().size() == SENT && !table.getItems().isEmpty()
                && table.getItems().get(0).id() != null, "Sent is listed");
        WaitForAsyncUtils.waitForFxEvents();
        bar = (ScrollBar) table.getScene().lookup("#sentScroll");
    }

    private VirtualFlow<?> flow() {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    /** The row of the whole of Sent at the top of the table. */
    private int topRow() {
        return stretch().start() + flow().getFirstVisibleCell().getIndex();
    }

    private RowWindow<FolderRow> stretch() {
        return (RowWindow<FolderRow>) table.getItems();
    }

    /** Where the table's selected row is in the whole of Sent, or -1. */
    private int selectedRow() {
        int at = table.getSelectionModel().getSelectedIndex();
        return at < 0 ? -1 : stretch().start() + at;
    }

    @Test
    void theTableWalksAStretchOfSentAndTheBarReachesItsOldestMessage(FxRobot robot) throws Exception {
        showSent(robot);
        // What the table walks at each scroll step: the rows of its items (the flow's cells to size).
        assertTrue(table.getItems().size() <= RowWindow.SPAN, "rows the table holds: " + table.getItems().size());
        assertTrue(flow().getCellCount() <= RowWindow.SPAN, "rows the table's flow sizes: " + flow().getCellCount());
        for (int top = 0; top < SENT; top += 500) {
            int at = top;
            robot.interact(() -> bar.setValue(at));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(flow().getCellCount() <= RowWindow.SPAN, "rows the flow sizes at " + at + ": " + flow().getCellCount());
            assertEquals(at, topRow(), "the row at the top once the bar is at " + at);
        }
        robot.interact(() -> bar.setValue(bar.getMax()));
        FxWait.until(() -> {
            IndexedCell<?> last = flow().getLastVisibleCell();
            FolderRow row = table.getItems().get(last.getIndex());
            return row.id() != null && row.equals(window.model().sent().get(SENT - 1));
        }, "the oldest message is shown at the bottom");
        assertTrue(bar.isVisible(), "the bar is shown");
    }

    @Test
    void theWheelsPathMovesTheStretchAndTheBarFollows(FxRobot robot) throws Exception {
        showSent(robot);
        double rowHeight = flow().getFirstVisibleCell().getHeight();
        // What a turn of the wheel does to the table, fifty rows at a time, far past the first stretch.
        for (int step = 0; step < 60; step++) {
            robot.interact(() -> flow().scrollPixels(50 * rowHeight));
            WaitForAsyncUtils.waitForFxEvents();
        }
        int top = topRow();
        assertTrue(stretch().start() > 0, "the stretch has moved");
        assertTrue(top >= 2_900, "rows scrolled past: " + top);
        assertEquals(top, (int) Math.round(bar.getValue()), "the bar stands at the top row");
        assertTrue(table.getItems().size() <= RowWindow.SPAN, "rows the table holds: " + table.getItems().size());
    }

    @Test
    void endAndHomeGoToTheWholeOfSentAndTheSelectionOutlivesItsStretch(FxRobot robot) throws Exception {
        showSent(robot);
        robot.interact(() -> table.getSelectionModel().clearAndSelect(3));
        robot.interact(table::requestFocus);
        FolderRow chosen = window.model().selectedSentProperty().get();
        assertEquals(window.model().sent().get(3), chosen, "the row selected is the model's");

        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SENT - 1, selectedRow(), "End selects the oldest message of Sent");
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SENT - 2, selectedRow(), "Up from the last");
        FxWait.until(() -> window.model().sent().get(SENT - 2).id() != null, "the row is read");
        assertEquals(window.model().sent().get(SENT - 2), window.model().selectedSentProperty().get(), "the model's");
        robot.type(KeyCode.HOME);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, selectedRow(), "Home selects the newest message");
        assertEquals(window.model().sent().get(0), window.model().selectedSentProperty().get(), "the model's");

        // Selected, scrolled far away (its stretch left), and back: selected all along.
        robot.interact(() -> table.getSelectionModel().clearAndSelect(5));
        FolderRow kept = window.model().selectedSentProperty().get();
        robot.interact(() -> bar.setValue(4_000));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stretch().start() > 5, "the stretch has moved on");
        assertEquals(kept, window.model().selectedSentProperty().get(), "the model keeps the row selected");
        robot.interact(() -> bar.setValue(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(kept, table.getSelectionModel().getSelectedItem(), "the table shows it selected again");
    }

    @Test
    void aRowSelectedFarDownStaysSelectedWhenTheFolderIsReadAgain(FxRobot robot) throws Exception {
        showSent(robot);
        robot.interact(() -> bar.setValue(4_500));
        FxWait.until(() -> window.model().sent().get(4_500).id() != null, "row 4,500 is read");
        int at = 4_500 - stretch().start();
        robot.interact(() -> table.getSelectionModel().clearAndSelect(at));
        FolderRow chosen = window.model().selectedSentProperty().get();
        assertEquals(window.model().sent().get(4_500), chosen, "the model's selection");
        robot.interact(() -> window.model().refresh());
        FxWait.until(() -> window.model().selectedSentProperty().get() != chosen
                && window.model().selectedSentProperty().get() != null, "the folder is read again");
        assertEquals(chosen.id(), window.model().selectedSentProperty().get().id(), "the same message, read again");
        assertEquals(chosen.id(), table.getSelectionModel().getSelectedItem().id(), "and selected in the table");
        assertEquals(4_500, selectedRow(), "in its place");
    }

    @Test
    void theKeysWalkOnAcrossTheEndOfAStretch(FxRobot robot) throws Exception {
        showSent(robot);
        robot.interact(() -> bar.setValue(1_460));
        WaitForAsyncUtils.waitForFxEvents();
        int first = topRow();
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(first - stretch().start());
            table.requestFocus();
        });
        int before = stretch().start();
        int was = selectedRow();
        for (int press = 0; press < 12; press++) {
            robot.type(press % 3 == 0 ? KeyCode.PAGE_DOWN : KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            int now = selectedRow();
            assertTrue(now > was, "each key moves the selection down the folder: " + was + " then " + now);
            assertEquals(window.model().sent().get(now), window.model().selectedSentProperty().get(), "the model's");
            was = now;
        }
        assertTrue(stretch().start() > before, "the stretch moved on under the keys");
        int at = was;
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(at - 1, selectedRow(), "Up goes back one row");
    }
}
