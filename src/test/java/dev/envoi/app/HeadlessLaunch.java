package dev.envoi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.app.desktop.StartupProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real `envoi` start in a child JVM on headless Monocle (the software pipeline), in a home of its
 * own, that quits once its window takes typing ({@link StartupProbe#EXIT_WHEN_READY}): for tests of
 * what the launcher does before and while its first window opens.
 */
final class HeadlessLaunch {

    private HeadlessLaunch() {
    }

    /** Starts envoi with these JVM options on a profile in {@code home}; what it printed, once it ended well. */
    static String run(Path home, List<String> jvmOptions) throws IOException, InterruptedException {
        Path output = home.resolve("out.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Duser.language=en", "-D" + ClassDataRelaunch.SWITCH + "=off", "-D" + StartupProbe.EXIT_WHEN_READY + "=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--profile", home.resolve("profile").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        if (!process.waitFor(150, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("envoi did not end: " + Files.readString(output));
        }
        assertEquals(0, process.exitValue(), Files.readString(output));
        return Files.readString(output);
    }
}
