package dev.envoi.bench;

import dev.envoi.ui.RegionPainting;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.AbstractList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * By hand (not a benchmark, asserts nothing): the FX thread's CPU per scroll step of a plain
 * TableView of fixed-height rows, 100 rows a pulse from top to bottom, for lists of 3,000, 30,000
 * and 100,000 rows. Shows what of JavaFX 21's VirtualFlow work grows with the list. Run with
 * {@code mvn -o test -Dtest=ScrollCostProbe -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScrollCostProbe {

    @Test
    void cpuPerStepByListLength() throws Exception {
        // As the app starts the toolkit (EnvoiApp.launch): the figures are the product's.
        RegionPainting.fillDirectly();
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        for (int round = 0; round < 2; round++) {
            for (int n : new int[] {3_000, 30_000, 100_000}) {
                System.out.printf("rows %,d: %.3f ms FX CPU per step%n", n, perStep(n));
            }
        }
        Platform.exit();
    }

    private static double perStep(int n) throws Exception {
        CompletableFuture<Double> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            TableView<Integer> table = new TableView<>(FXCollections.observableList(new AbstractList<>() {
                @Override
                public Integer get(int i) {
                    return i;
                }

                @Override
                public int size() {
                    return n;
                }
            }));
            table.setFixedCellSize(24);
            for (int c = 0; c < 5; c++) {
                TableColumn<Integer, String> col = new TableColumn<>("c" + c);
                col.setCellValueFactory(f -> new ReadOnlyStringWrapper("row " + f.getValue()));
                table.getColumns().add(col);
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(table, 800, 600));
            stage.show();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            new AnimationTimer() {
                int next;
                int steps;
                long start = -1;

                @Override
                public void handle(long now) {
                    if (start < 0) {
                        start = threads.getCurrentThreadCpuTime();
                    }
                    table.scrollTo(Math.min(next, n - 1));
                    next += 100;
                    steps++;
                    if (next >= n + 100) {
                        stop();
                        // Ends at the next pulse, so the last layout is counted.
                        Platform.runLater(() -> {
                            result.complete((threads.getCurrentThreadCpuTime() - start) / 1e6 / steps);
                            stage.close();
                        });
                    }
                }
            }.start();
        });
        return result.get(5, TimeUnit.MINUTES);
    }
}
