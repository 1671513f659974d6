package dev.envoi.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * `bin/envoi`, the launcher of a source build, run as a user runs it: through a link in a folder
 * of the PATH, in a real shell, starting target/envoi.jar. The jar here is a stand-in that names
 * Envoi's classes (this build's) in its manifest, since `mvn verify` tests before it packages.
 */
@Timeout(60)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "bin/envoi is a POSIX shell script")
class SourceLauncherTest {

    @TempDir
    Path home;

    @Test
    void aLinkOnThePathRunsTheBuiltJarWithItsArguments() throws Exception {
        Path checkout = checkout();
        writeJar(checkout.resolve("target/envoi.jar"));
        Path pathFolder = Files.createDirectories(home.resolve("path"));
        Files.createSymbolicLink(pathFolder.resolve("envoi"), pathFolder.relativize(checkout.resolve("bin/envoi")));

        Run run = run(pathFolder.resolve("envoi"), "--profile", home.resolve("my profile").toString(), "outbox");
        assertEquals(0, run.code, run.output);
        assertTrue(run.output.contains("The outbox is empty."), run.output);
    }

    @Test
    void withoutABuildItSaysWhatToRun() throws Exception {
        Path checkout = checkout();
        Run run = run(checkout.resolve("bin/envoi"), "--help");
        assertEquals(1, run.code, run.output);
        assertTrue(run.output.contains("run `mvn package` in " + checkout.toRealPath()), run.output);
    }

    private Path checkout() throws IOException {
        Path checkout = home.resolve("src/envoi");
        Files.createDirectories(checkout.resolve("bin"));
        Files.createDirectories(checkout.resolve("target"));
        Path script = Files.copy(Path.of("bin/envoi"), checkout.resolve("bin/envoi"));
        assertTrue(script.toFile().setExecutable(true));
        return checkout;
    }

    /** A jar whose manifest starts the Launcher from this build's classes and libraries. */
    private static void writeJar(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "dev.envoi.app.Launcher");
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toString());
        }
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // The manifest is the whole jar.
        }
    }

    private record Run(int code, String output) {
    }

    private Run run(Path launcher, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the launcher ends");
        return new Run(process.exitValue(), output);
    }
}
