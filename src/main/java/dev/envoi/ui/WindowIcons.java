package dev.envoi.ui;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app icon on every window, in the sizes the desktop picks from (task bar, Alt+Tab, title).
 * Decoding the seven PNGs, and handing a window its icons before it shows (the toolkit converts
 * each for the window system then), cost the FX thread a tenth of the first window's start; the
 * icons are decoded on a thread of their own and given to the window when they are ready, which
 * for the first window is just after it shows (docs/benchmarks.md, benchmark 7).
 */
public final class WindowIcons {

    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static volatile CompletableFuture<List<Image>> icons;

    private WindowIcons() {
    }

    /** Call on the FX thread, once the stage has its scene. */
    public static void apply(Stage stage) {
        if (icons != null && icons.isDone()) {
            stage.getIcons().setAll(icons.join());
            return;
        }
        // Not while the first frame is being made: on two cores the decoding would slow it down.
        Scene scene = stage.getScene();
        if (scene == null) {
            whenLoaded(stage);
            return;
        }
        FirstFrame.afterLayout(scene, () -> whenLoaded(stage));
    }

    private static void whenLoaded(Stage stage) {
        icons().thenAccept(images -> Platform.runLater(() -> stage.getIcons().setAll(images)));
    }

    private static synchronized CompletableFuture<List<Image>> icons() {
        if (icons == null) {
            icons = new CompletableFuture<>();
            Thread loader = new Thread(() -> icons.complete(load()), "envoi-icons");
            loader.setDaemon(true);
            loader.setPriority(Thread.MIN_PRIORITY);
            loader.start();
        }
        return icons;
    }

    private static List<Image> load() {
        List<Image> loaded = new ArrayList<>();
        for (int size : SIZES) {
            try (InputStream png = WindowIcons.class.getResourceAsStream("/dev/envoi/app/icons/icon-" + size + ".png")) {
                if (png != null) {
                    loaded.add(new Image(png));
                }
            } catch (java.io.IOException | RuntimeException e) {
                // A window without an icon of this size still works; the desktop scales another.
            }
        }
        return List.copyOf(loaded);
    }
}
