package dev.envoi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher's thread does before it starts the toolkit is on the way of every window start
 * (issue 21, benchmark 7): a real `envoi` start, in a child JVM (headless Monocle), logs the
 * classes it loads, and nothing before JavaFX's Application class looks up the time zone (which
 * asks every jar on the class path for zone-rule providers) or sets up DateTimeFormatter, and the
 * launcher's own thread leaves java.util.logging's start (which asks every jar for a logger back
 * end) to a thread beside it, and seeds no random generator.
 */
@Timeout(180)
class LauncherBeforeToolkitTest {

    @TempDir
    Path home;

    @Test
    void theLauncherStartsTheToolkitWithoutLookingUpTheTimeZone() throws Exception {
        Path classLog = home.resolve("classes.log");
        String output = HeadlessLaunch.run(home, List.of("-Xlog:class+load=info:file=" + classLog + ":tid"));

        List<String> lines = Files.readAllLines(classLog);
        List<String> loaded = lines.stream().map(LauncherBeforeToolkitTest::className).toList();
        int toolkit = loaded.indexOf("javafx.application.Application");
        assertTrue(toolkit > 0, "the window started");
        assertTrue(loaded.contains("dev.envoi.app.desktop.StartupProbe"), "and took typing");
        List<String> beforeToolkit = loaded.subList(0, toolkit);
        assertTrue(beforeToolkit.contains("dev.envoi.app.cli.Terminal"), "the log covers the launcher's work");
        assertEquals(List.of(), beforeToolkit.stream().filter(name -> name.equals("java.time.zone.ZoneRulesProvider")
                || name.equals("java.time.format.DateTimeFormatter")).toList(),
                "no time zone or date formats before the toolkit starts");
        String launcherThread = thread(lines.get(loaded.indexOf(Launcher.class.getName())));
        List<String> onLauncherThread = lines.subList(0, toolkit).stream().filter(line -> thread(line).equals(launcherThread))
                .map(LauncherBeforeToolkitTest::className).toList();
        assertTrue(onLauncherThread.contains("dev.envoi.app.desktop.GuiLauncher"), "the launcher's thread is told apart");
        assertTrue(loaded.subList(0, toolkit).contains("java.util.logging.LogManager"), "the libraries are quieted first");
        assertFalse(onLauncherThread.contains("java.util.logging.LogManager"), "on a thread beside the launcher's");
        // The single-instance socket's name: a SecureRandom's first bytes seed a SHA1PRNG to mix in (SHA-1, VarHandles).
        assertEquals(List.of(), onLauncherThread.stream().filter(name -> name.equals("sun.security.provider.SecureRandom")
                || name.equals("sun.security.provider.SHA")).toList(), "no random generator seeded on the launcher's thread");
        assertFalse(output.contains("Unsupported JavaFX configuration"), "and quieted before the toolkit starts: " + output);
    }

    /** The thread id a line of -Xlog with the tid decoration starts with ("[1234][info]..."). */
    private static String thread(String line) {
        return line.substring(0, line.indexOf(']') + 1);
    }

    /** The class a line of -Xlog:class+load names ("[...] name source: ..."). */
    private static String className(String line) {
        String afterTags = line.substring(line.lastIndexOf(']') + 1).strip();
        int space = afterTags.indexOf(' ');
        return space < 0 ? afterTags : afterTags.substring(0, space);
    }
}
