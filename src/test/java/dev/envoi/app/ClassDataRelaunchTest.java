package dev.envoi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.desktop.StartupProbe;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `java -jar envoi.jar` as a user runs it, through a real jar of the built classes and real JVMs,
 * the window on Monocle's headless platform: the first window start makes the class-data archive,
 * the next maps Envoi's classes from it, and the second JVM's exit status is the one the shell sees.
 */
@Timeout(300)
class ClassDataRelaunchTest {

    @TempDir
    Path home;

    @Test
    void theFirstWindowStartMakesTheArchiveAndTheNextStartsMapEnvoisClassesFromIt() throws Exception {
        Path jar = envoiJar();
        Run first = java(jar, "first", List.of("-D" + StartupProbe.EXIT_WHEN_READY + "=true"), "--profile", profile());
        assertEquals(0, first.status(), first.output());
        List<String> made = classDataFiles();
        assertEquals(1, made.size(), "one archive, no half-made file or mark left: " + made);
        assertTrue(made.get(0).matches("envoi-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa"), made.toString());

        Path classLog = home.resolve("classes-%p.log");
        Run second = java(jar, "second", List.of("-D" + StartupProbe.EXIT_WHEN_READY + "=true",
                "-Xlog:class+load=info:file=" + classLog), "--profile", profile());
        assertEquals(0, second.status(), second.output());
        String windowJvm = logNaming("dev.envoi.compose.ComposeController ");
        assertTrue(windowJvm.contains("dev.envoi.compose.ComposeController source: shared objects file (top)"),
                "the window's JVM mapped Envoi's classes from the archive");
        assertEquals(made, classDataFiles(), "the archive is used as it is, not made again");
        // The first JVM only starts the second: what it loads is what every start pays on top.
        String firstJvm = logNotNaming("dev.envoi.compose.ComposeController ");
        List<String> envoiClasses = firstJvm.lines().filter(line -> line.contains(" dev.envoi.")).toList();
        assertTrue(envoiClasses.size() <= 12, "the first JVM loads next to nothing of Envoi: " + envoiClasses);
        assertFalse(firstJvm.contains("java.util.Formatter ") || firstJvm.contains("java.util.regex.Pattern "),
                "nor formatting or regular expressions");

        // The shell sees the second JVM's status and words.
        Run refused = java(jar, "refused", List.of(), "--profile", profile(), "--no-such-option");
        assertEquals(2, refused.status(), refused.output());
        assertTrue(refused.output().contains("unknown option --no-such-option"), refused.output());
    }

    @Test
    void theWindowsJvmCompilesWithTheStartupJitOptionsAndTheUsersOwnWin() throws Exception {
        Path jar = envoiJar();
        // -XX:+PrintFlagsFinal: each JVM prints every flag's value as it starts, the first and the second.
        Run run = java(jar, "flags", List.of("-D" + StartupProbe.EXIT_WHEN_READY + "=true", "-XX:+PrintFlagsFinal",
                "-XX:Tier4BackEdgeThreshold=123456"), "--profile", profile());
        assertEquals(0, run.status(), run.output());
        for (String option : StartupJit.OPTIONS) {
            String name = option.substring("-XX:".length(), option.indexOf('='));
            String value = name.equals("Tier4BackEdgeThreshold") ? "123456" : option.substring(option.indexOf('=') + 1);
            assertTrue(run.output().lines().anyMatch(line -> line.matches("\\s*intx " + name + "\\s+= " + value + "\\s.*")),
                    "the second JVM runs with " + name + " = " + value);
        }
    }

    @Test
    void aCommandWithoutAWindowMakesNoArchiveAndOffMeansOff() throws Exception {
        Path jar = envoiJar();
        Run help = java(jar, "help", List.of(), "--help");
        assertEquals(0, help.status(), help.output());
        assertTrue(help.output().contains("envoi"), help.output());
        Run off = java(jar, "off", List.of("-D" + ClassDataRelaunch.SWITCH + "=off", "-D" + StartupProbe.EXIT_WHEN_READY
                + "=true"), "--profile", profile());
        assertEquals(0, off.status(), off.output());
        assertEquals(List.of(), classDataFiles(), "neither a command nor a start with the switch off makes an archive");
    }

    @Test
    void theJvmsOwnClassDataOptionsAndModulePathsAreLeftAlone() {
        assertTrue(ClassDataRelaunch.plainClassPath(List.of("-Dx=1", "-jar", "envoi.jar", "-Xshare:off")));
        assertTrue(ClassDataRelaunch.plainClassPath(List.of("-cp", "-Xshare:off.jar", "dev.envoi.app.Launcher")));
        assertFalse(ClassDataRelaunch.plainClassPath(List.of("-XX:SharedArchiveFile=a.jsa", "-jar", "envoi.jar")));
        assertFalse(ClassDataRelaunch.plainClassPath(List.of("-Xshare:off", "-jar", "envoi.jar")));
        assertFalse(ClassDataRelaunch.plainClassPath(List.of("--module-path", "mods", "-m", "envoi/dev.envoi.app.Launcher")));
        assertTrue(ClassDataRelaunch.opensAWindow(new String[] {"--to", "a@example.org"}));
        assertTrue(ClassDataRelaunch.opensAWindow(new String[0]));
        assertFalse(ClassDataRelaunch.opensAWindow(new String[] {"--profile", "p", "send", "--to", "a@example.org"}));
        assertFalse(ClassDataRelaunch.opensAWindow(new String[] {"--help"}));
    }

    @Test
    void aRebuildReplacesItsOwnArchiveAndLeavesAnotherCheckoutsAlone() throws Exception {
        Path folder = home.resolve("class-data");
        Path first = emptyJar(home.resolve("one").resolve("envoi.jar"));
        Path second = emptyJar(home.resolve("two").resolve("envoi.jar"));
        ClassDataArchive one = made(folder, first, 1);
        ClassDataArchive two = made(folder, second, 2);
        assertTrue(Files.exists(one.file()) && Files.exists(two.file()), "two checkouts keep an archive each");

        Files.setLastModifiedTime(first, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        ClassDataArchive rebuilt = made(folder, first, 3);
        assertFalse(rebuilt.file().equals(one.file()), "a rebuilt jar needs an archive of its own");
        assertFalse(Files.exists(one.file()), "the rebuild's archive replaces the one it makes stale");
        assertTrue(Files.exists(two.file()), "and leaves the other checkout's");
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(2, files.count(), "no half-made file or mark left");
        }
    }

    /** An archive made for {@code jar} by the start {@code pid}, as the JVM and StartupProbe leave it, then installed. */
    private static ClassDataArchive made(Path folder, Path jar, long pid) throws IOException {
        ClassDataArchive archive = ClassDataArchive.forClassPath(folder, "/jdk", "17", jar.toString()).orElseThrow();
        Files.createDirectories(folder);
        Files.writeString(archive.partFile(pid), "archive");
        Files.writeString(archive.wholeMark(pid), "whole");
        archive.install(pid);
        return archive;
    }

    private static Path emptyJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("x.txt"));
            out.closeEntry();
        }
        return jar;
    }

    private record Run(int status, String output) {
    }

    private String profile() {
        return home.resolve("profile").toString();
    }

    private Run java(Path jar, String name, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Duser.language=en"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        Path output = home.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(name + " did not end: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    private List<String> classDataFiles() throws IOException {
        Path folder = home.resolve("cache").resolve("envoi").resolve("class-data");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private String logNotNaming(String className) throws IOException {
        try (Stream<Path> logs = Files.list(home).filter(file -> file.getFileName().toString().startsWith("classes-"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                if (!text.contains(className)) {
                    return text;
                }
            }
        }
        throw new AssertionError("every JVM loaded " + className);
    }

    private String logNaming(String className) throws IOException {
        try (Stream<Path> logs = Files.list(home).filter(file -> file.getFileName().toString().startsWith("classes-"))) {
            for (Path log : logs.toList()) {
                String text = Files.readString(log);
                if (text.contains(className)) {
                    return text;
                }
            }
        }
        throw new AssertionError("no JVM loaded " + className);
    }

    /**
     * A jar of the built classes whose manifest names every jar of the test's class path, as
     * `mvn package` makes target/envoi.jar (which does not exist yet when the tests run).
     */
    private Path envoiJar() throws IOException {
        Path dir = Files.createDirectories(home.resolve("app"));
        Path jar = dir.resolve("envoi.jar");
        List<Path> folders = new ArrayList<>();
        List<String> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            if (Files.isDirectory(path)) {
                folders.add(path);
            } else if (entry.endsWith(".jar")) {
                jars.add(dir.relativize(path).toString().replace(File.separatorChar, '/'));
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", jars));
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Path folder : folders) {
                if (!folder.endsWith("classes")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path each : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                        out.putNextEntry(new JarEntry(folder.relativize(each).toString().replace(File.separatorChar, '/')));
                        Files.copy(each, out);
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
