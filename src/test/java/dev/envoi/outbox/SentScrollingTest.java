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
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.collections.ListChangeListener;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
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
 * Scrolling a long Sent list lays out the rows it shows, not the folder (issue 21: scrolling a year
 * of Sent had pulses of 60 ms and more, the FX thread measuring rows). A table whose rows may differ
 * in height measures each row it scrolls past to place the next ones, and estimates the list's
 * height from the rows measured so far; the real window on 3,000 sent messages, told to show rows
 * further and further down, must give its rows no more indexes than the rows it showed. And a
 * table scrolled down page by page finds each next page read ahead: its rows do not come as
 * placeholders to be replaced (a replacement in its items makes a TableView redo every cell).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(120)
class SentScrollingTest {

    private static final int JUMPS = 10;

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private CountingStore counted;
    private ExecutorService background;
    private OutboxWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        BigProfile.generate(profile, new BigProfile.Size(3_000, 10, 1, 1, 10), 21);
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        counted = new CountingStore(store);
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
        store.close();
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
                    laidOut.add(i);
                }
            }
        }));
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> sent.getItems().size() == 3_000 && sent.getItems().get(0).id() != null, "Sent is listed");
        WaitForAsyncUtils.waitForFxEvents();
        int visible = robot.lookup("#sentTable .table-row-cell").queryAll().size();
        for (int jump = 1; jump <= JUMPS; jump++) {
            int row = jump * 250;
            robot.interact(() -> sent.scrollTo(row));
            FxWait.until(() -> sent.getItems().get(row).id() != null, "row " + row + " is read");
            WaitForAsyncUtils.waitForFxEvents();
        }
        int shown = (JUMPS + 1) * visible;
        assertTrue(laidOut.size() <= shown, "rows laid out: " + laidOut.size() + " for " + JUMPS
                + " jumps of " + visible + " rows shown (at most " + shown + ")");
    }

    @Test
    void scrollingOnFindsTheNextPageReadAheadSoTheTableHasNothingToRedo(FxRobot robot) throws Exception {
        TableView<FolderRow> sent = robot.lookup("#sentTable").query();
        robot.interact(() -> robot.lookup("#folderTabs").queryAs(TabPane.class).getSelectionModel().select(2));
        FxWait.until(() -> sent.getItems().size() == 3_000 && sent.getItems().get(0).id() != null, "Sent is listed");
        WaitForAsyncUtils.waitForFxEvents();
        long listed = counted.rows.get();
        robot.interact(() -> sent.scrollTo(PagedRows.PAGE));
        FxWait.until(() -> counted.rows.get() >= listed + 2L * PagedRows.PAGE, "the page shown and the one after are read");
        WaitForAsyncUtils.waitForFxEvents();
        AtomicInteger changes = new AtomicInteger();
        robot.interact(() -> sent.getItems().addListener((ListChangeListener<FolderRow>) c -> changes.incrementAndGet()));
        for (int page = 2; page <= 8; page++) {
            int top = page * PagedRows.PAGE;
            long after = listed + (page + 1L) * PagedRows.PAGE;
            robot.interact(() -> sent.scrollTo(top));
            FxWait.until(() -> counted.rows.get() >= after, "page " + (page + 1) + " is read ahead");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(0, changes.get(), "rows replaced in the table's items while scrolling on");
    }
}
