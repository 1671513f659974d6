package dev.envoi.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * The start-up benchmark's finish line (docs/benchmarks.md). With {@code -Denvoi.startupProbe=FILE}
 * the first window writes to FILE the instant, in epoch microseconds, of the first layout pulse at
 * which it is showing with a text field focused: the moment typing would land in it. Without the
 * property it does nothing.
 *
 * <p>With {@code -Denvoi.exitWhenReady=true} the process then exits (status 0): the packaging's
 * class-data-sharing training run opens the window this way, so the archive holds the classes a
 * window's start needs.
 */
public final class StartupProbe {

    public static final String PROPERTY = "envoi.startupProbe";
    public static final String EXIT_WHEN_READY = "envoi.exitWhenReady";

    private StartupProbe() {
    }

    /** Call on the FX thread with the window the user is meant to type into. */
    public static void watch(Stage stage) {
        String file = System.getProperty(PROPERTY, "");
        boolean exit = Boolean.getBoolean(EXIT_WHEN_READY);
        if (file.isBlank() && !exit) {
            return;
        }
        Scene scene = stage.getScene();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (stage.isShowing() && scene.getFocusOwner() instanceof TextInputControl) {
                scene.removePostLayoutPulseListener(check[0]);
                Instant now = Instant.now();
                String micros = String.valueOf(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
                // Off the FX thread: the probe must not slow what it measures.
                new Thread(() -> {
                    if (!file.isBlank()) {
                        write(Path.of(file), micros);
                    }
                    if (exit) {
                        System.exit(0);
                    }
                }, "envoi-startup-probe").start();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static void write(Path file, String micros) {
        try {
            Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".part"), micros + "\n",
                    StandardCharsets.US_ASCII);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("envoi: the start-up probe could not write " + file + ": " + e.getMessage());
        }
    }
}
