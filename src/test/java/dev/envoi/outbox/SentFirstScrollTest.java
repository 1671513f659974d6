package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
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
 * The real Outbox window, headless, on 3,000 sent (issue 21, bar 2: Sent's first scroll had its
 * one late pulse at its start). Sent shown at the top had read its first page only, so the first
 * step down a page showed rows not read yet (blank), and when their page came the table filled
 * every cell of its rows again: two passes over every cell in the scroll's first pulses, on code
 * the window's opening had not run. The page after the rows shown is now read before it is
 * scrolled onto. And a row put at the top by the bar is the top row, alone: the flow's rounding
 * had left some a hair below the top, laying out the row before them hidden above the table (one
 * row of cells more to make and fill, and the bar set back on that hidden row).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class SentFirstScrollTest {

    private static final int SENT = 3_000;

    @TempDir
    static Path tempRoot;
    private BigSentWindow shown;
    private OutboxWindow window;

    @Start
    void start(Stage unused) throws Exception {
        shown = BigSentWindow.show(tempRoot, SENT);
        window = shown.window();
    }

    @AfterEach
    void tearDown() throws Exception {
        shown.close();
    }

    @Test
    void theFirstStepDownFindsItsRowsReadAndTheTableFillsThemOnce(FxRobot robot) throws Exception {
        TableView<FolderRow> table = robot.lookup("#sentTable").query();
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> window.model().sent().size() == SENT && !table.getItems().isEmpty()
                && table.getItems().get(0).id() != null, "Sent is listed");
        // Whatever the window asked for while it stood at the top has time to come.
        Thread.sleep(1_000);
        WaitForAsyncUtils.waitForFxEvents();
        ScrollBar bar = (ScrollBar) table.getScene().lookup("#sentScroll");
        AtomicInteger late = new AtomicInteger();
        List<String> blank = new ArrayList<>();
        robot.interact(() -> {
            window.model().sent().addListener((ListChangeListener<FolderRow>) c -> late.incrementAndGet());
            Scene scene = table.getScene();
            // The rows the step's own layout shows, as the user sees them in that frame.
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    for (var node : table.lookupAll(".table-row-cell")) {
                        if (node instanceof TableRow<?> row && row.isVisible() && row.getItem() instanceof FolderRow shown
                                && shown.id() == null) {
                            blank.add("row " + row.getIndex());
                        }
                    }
                }
            });
            // A drag of the bar by a page, as the benchmark's first step.
            bar.setValue(PagedRows.PAGE);
        });
        Thread.sleep(1_000);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().get(PagedRows.PAGE).id() != null, "the row scrolled to is read");
        assertEquals(List.of(), blank, "rows shown blank (not read yet) by the first step");
        assertEquals(0, late.get(), "pages that came after the table had shown their rows blank");
    }

    @Test
    void eachRowTheBarPutsAtTheTopIsTheFirstShownAndNoRowMoreIsMade(FxRobot robot) throws Exception {
        TableView<FolderRow> table = robot.lookup("#sentTable").query();
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> window.model().sent().size() == SENT && !table.getItems().isEmpty()
                && table.getItems().get(0).id() != null, "Sent is listed");
        WaitForAsyncUtils.waitForFxEvents();
        ScrollBar bar = (ScrollBar) table.getScene().lookup("#sentScroll");
        int rowsAtTop = table.lookupAll(".table-row-cell").size();
        List<String> wrong = new ArrayList<>();
        // The benchmark's steps: a page a pulse, as a fast drag of the bar.
        for (int top = PagedRows.PAGE; top < SENT - PagedRows.PAGE; top += PagedRows.PAGE) {
            int wanted = top;
            robot.interact(() -> bar.setValue(wanted));
            WaitForAsyncUtils.waitForFxEvents();
            String seen = WaitForAsyncUtils.asyncFx(() -> {
                VirtualFlow<?> flow = (VirtualFlow<?>) table.lookup(".virtual-flow");
                IndexedCell<?> first = flow.getFirstVisibleCell();
                int shown = ((RowWindow<?>) table.getItems()).start() + first.getIndex();
                int rows = table.lookupAll(".table-row-cell").size();
                return shown == wanted && first.getLayoutY() == 0 && rows == rowsAtTop && (int) bar.getValue() == wanted
                        ? "" : "at " + wanted + ": first shown " + shown + " at y " + first.getLayoutY() + ", rows "
                        + rows + ", bar " + bar.getValue();
            }).get(10, TimeUnit.SECONDS);
            if (!seen.isEmpty()) {
                wrong.add(seen);
            }
        }
        assertEquals(List.of(), wrong, "steps whose top row is not the one asked for, alone (rows at the top: " + rowsAtTop + ")");
    }
}
