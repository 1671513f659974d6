package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.Launcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Envoi processes on one profile, the windows on Monocle's headless platform: the second
 * launch hands its compose request to the first and exits 0; once the first is killed, the next
 * launch takes the profile over despite the socket file the crash left.
 */
@Timeout(120)
class SingleInstanceProcessTest {

    @TempDir
    Path home;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopEnvoi() {
        processes.forEach(Process::destroyForcibly);
    }

    private Path profile() {
        return home.resolve("profile");
    }

    private Process envoi(String name, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k", "-Duser.language=en"));
        command.addAll(jvmOptions);
        command.add(Launcher.class.getName());
        command.addAll(List.of("--profile", profile().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(home.resolve(name + ".out").toFile())
                .redirectError(home.resolve(name + ".err").toFile()).start();
        processes.add(process);
        return process;
    }

    private String err(String name) throws IOException {
        return Files.readString(home.resolve(name + ".err"));
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private boolean logged(String name, String text) {
        try {
            return err(name).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** What the packaging's class-data-sharing training run relies on (packaging/Packager.java). */
    @Test
    void withExitWhenReadyTheWindowOpensTakesTypingAndTheProcessEndsByItself() throws Exception {
        Path probe = home.resolve("probe.txt");
        Process envoi = envoi("training", List.of("-D" + StartupProbe.PROPERTY + "=" + probe,
                "-D" + StartupProbe.EXIT_WHEN_READY + "=true"));
        assertTrue(envoi.waitFor(60, TimeUnit.SECONDS), "exits by itself once the window is ready:\n" + err("training"));
        assertEquals(0, envoi.exitValue(), err("training"));
        long readyMicros = Long.parseLong(Files.readString(probe).trim());
        assertTrue(Math.abs(readyMicros / 1000 - System.currentTimeMillis()) < 120_000, "the probe wrote a recent instant");
    }

    @Test
    void aSecondLaunchOpensItsWindowInTheFirstAndAfterACrashTheNextTakesOver() throws Exception {
        Path classes = home.resolve("classes.log");
        Process first = envoi("first", List.of("-Xlog:class+load=info:file=" + classes), "--debug", "--subject", "First");
        waitUntil(() -> Files.exists(profile().resolve("instance.sock")) || !first.isAlive(), "the first Envoi listens");
        assertTrue(first.isAlive(), err("first"));

        Path report = Files.writeString(home.resolve("report.txt"), "figures");
        Path notes = Files.writeString(home.resolve("notes.txt"), "notes");
        long start = System.nanoTime();
        // As a file manager's "send to" runs it: `envoi --attach %F`, several files after one --attach.
        Process second = envoi("second", List.of(), "--to", "bob@example.org", "--attach", report.toString(),
                notes.toString());
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second launch exits by itself:\n" + logOf("second")
                + "\nfirst:\n" + logOf("first"));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(0, second.exitValue(), err("second"));
        // It waits for the window to show; on a loaded machine the first Envoi may still be starting.
        assertTrue(seconds < 40, "the second launch took " + seconds + " s");
        waitUntil(() -> logged("first", "opened a compose window (recipients: 1, attachments: 2) for another launch"),
                "the first Envoi opens the window:\n" + err("first"));
        assertTrue(first.isAlive(), "the first Envoi keeps running");
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("dev.envoi.app.desktop.GuiLauncher "), "the class log names the classes loaded");
        assertFalse(loaded.contains("java.awt.Desktop "),
                "on Linux the window process never loads AWT's Desktop");

        // A crash: the socket file stays behind, the OS drops the lock.
        first.destroyForcibly().waitFor();
        Path socket = profile().resolve("instance.sock");
        Object stale = fileKey(socket);
        assertTrue(stale != null, "a killed Envoi leaves its socket file behind");
        java.nio.file.attribute.FileTime staleTime = Files.getLastModifiedTime(socket);

        Process next = envoi("next", List.of(), "--debug");
        // The file system may give the new socket the freed inode, so its time tells it apart too.
        waitUntil(() -> !stale.equals(fileKey(socket)) || modifiedAfter(socket, staleTime) || !next.isAlive(),
                "the next Envoi replaces the stale socket");
        assertTrue(next.isAlive(), "the launch after the crash runs the profile: " + logOf("next"));
        Process probe = envoi("probe", List.of(), "--outbox");
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "a later launch exits by itself");
        assertEquals(0, probe.exitValue(), err("probe"));
        waitUntil(() -> logged("next", "opened the outbox for another launch"), "the new Envoi opens the outbox");
    }

    private static boolean modifiedAfter(Path file, java.nio.file.attribute.FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private String logOf(String name) {
        try {
            return err(name);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
