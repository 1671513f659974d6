package dev.envoi.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

/**
 * The start-up benchmark's finish line (docs/benchmarks.md). With {@code -Denvoi.startupProbe=FILE}
 * the first window writes to FILE the instant, in epoch microseconds, of the first layout pulse at
 * which it is showing with a text field focused: the moment typing would land in it. Without the
 * property it does nothing. Once the window has also built what it puts off past its first frame
 * (a {@link java.util.concurrent.CompletionStage} under {@link #SETTLED} in the stage's properties:
 * the compose window's body editor) and laid it out, the instant of that layout pulse goes to
 * FILE.settled.
 *
 * <p>With {@code -Denvoi.exitWhenReady=true} the process then quits as a user's quit does (the
 * profile closed, status 0), once settled: the
 * packaging's class-data-sharing training run opens the window this way, so the archive holds the
 * classes a window's start needs, the ones put off past the first frame included.
 */
public final class StartupProbe {

    public static final String PROPERTY = "envoi.startupProbe";
    public static final String EXIT_WHEN_READY = "envoi.exitWhenReady";
    /** Key of the stage's properties: completes when what the window builds after its first frame is built. */
    public static final String SETTLED = "envoi.settled";
    /**
     * With {@code -Denvoi.wholeMark=FILE}, FILE is created once the window is whole: a JVM making
     * Envoi's class-data archive (app.ClassDataRelaunch) keeps it only then, so it holds a window's classes.
     */
    public static final String WHOLE_MARK = "envoi.wholeMark";

    private StartupProbe() {
    }

    /** Call on the FX thread with the window the user is meant to type into. */
    public static void watch(Stage stage) {
        String file = System.getProperty(PROPERTY, "");
        boolean exit = Boolean.getBoolean(EXIT_WHEN_READY);
        String wholeMark = System.getProperty(WHOLE_MARK, "");
        if (file.isBlank() && !exit && wholeMark.isBlank()) {
            return;
        }
        Scene scene = stage.getScene();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (stage.isShowing() && scene.getFocusOwner() instanceof TextInputControl) {
                scene.removePostLayoutPulseListener(check[0]);
                String micros = nowMicros();
                CompletableFuture<String> settled = new CompletableFuture<>();
                settledStage(stage).whenComplete((done, failed) -> afterNextLayout(scene, settled));
                // Off the FX thread: the probe must not slow what it measures.
                new Thread(() -> {
                    if (!file.isBlank()) {
                        write(Path.of(file), micros);
                    }
                    String settledMicros = settled.join();
                    if (!file.isBlank()) {
                        write(Path.of(file + ".settled"), settledMicros);
                    }
                    if (!wholeMark.isBlank()) {
                        write(Path.of(wholeMark), settledMicros);
                    }
                    if (exit) {
                        // As a user's quit: the profile is closed (its clean-close stamp written).
                        Platform.exit();
                    }
                }, "envoi-startup-probe").start();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static CompletionStage<?> settledStage(Stage stage) {
        return stage.getProperties().get(SETTLED) instanceof CompletionStage<?> built
                ? built : CompletableFuture.completedFuture(null);
    }

    /** Completes {@code settled} with the instant of the next layout pulse (on the FX thread). */
    private static void afterNextLayout(Scene scene, CompletableFuture<String> settled) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            settled.complete(nowMicros());
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static String nowMicros() {
        Instant now = Instant.now();
        return String.valueOf(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
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
