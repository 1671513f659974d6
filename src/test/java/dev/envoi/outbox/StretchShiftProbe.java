package dev.envoi.outbox;

import dev.envoi.spool.ProgressHub;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * By hand (asserts nothing): the FX thread's CPU in the pulses where Sent's stretch moved against
 * the others, scrolling 20,000 sent by the bar 100 rows a pulse, three times. Run with
 * {@code mvn -o test -Dtest=StretchShiftProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StretchShiftProbe {

    @TempDir
    Path work;

    @Test
    void cpuOfPulsesThatMoveTheStretch() throws Exception {
        BigProfile.generate(work, new BigProfile.Size(20_000, 100, 10, 10, 10), 21);
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        ExecutorService background = Executors.newCachedThreadPool();
        try (SqliteMessageStore store = SqliteMessageStore.open(work)) {
            CompletableFuture<OutboxWindow> opened = new CompletableFuture<>();
            Platform.runLater(() -> {
                OutboxWindow w = new OutboxWindow(new OutboxContext(store, background, Platform::runLater,
                        Clock.systemDefaultZone(), new ProgressHub()::subscribe, id -> { }, id -> { }),
                        owner -> new OutboxViewModelTest.Answers());
                w.show();
                ((TabPane) w.stage().getScene().lookup("#folderTabs")).getSelectionModel().select(2);
                opened.complete(w);
            });
            OutboxWindow window = opened.get(1, TimeUnit.MINUTES);
            Thread.sleep(2_000);
            for (int round = 0; round < 3; round++) {
                scroll(window);
            }
        } finally {
            background.shutdown();
            Platform.exit();
        }
    }

    private static void scroll(OutboxWindow window) throws Exception {
        ScrollBar bar = (ScrollBar) window.stage().getScene().lookup("#sentScroll");
        TableView<?> table = (TableView<?>) window.stage().getScene().lookup("#sentTable");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<long[]> pulses = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            bar.setValue(0);
            new AnimationTimer() {
                int next;
                long cpu = threads.getCurrentThreadCpuTime();
                int start = ((RowWindow<?>) table.getItems()).start();

                @Override
                public void handle(long now) {
                    long at = threads.getCurrentThreadCpuTime();
                    int moved = ((RowWindow<?>) table.getItems()).start();
                    pulses.add(new long[] {at - cpu, moved != start ? 1 : 0});
                    cpu = at;
                    start = moved;
                    bar.setValue(next);
                    next += 100;
                    if (next > 20_000) {
                        stop();
                        done.complete(null);
                    }
                }
            }.start();
        });
        done.get(5, TimeUnit.MINUTES);
        long[] sum = new long[2];
        int[] count = new int[2];
        for (long[] p : pulses.subList(1, pulses.size())) {
            sum[(int) p[1]] += p[0];
            count[(int) p[1]]++;
        }
        System.out.printf("PROBE pulses moving the stretch: %d, %.2f ms FX CPU each; others: %d, %.2f ms each%n",
                count[1], sum[1] / 1e6 / Math.max(1, count[1]), count[0], sum[0] / 1e6 / Math.max(1, count[0]));
    }
}
