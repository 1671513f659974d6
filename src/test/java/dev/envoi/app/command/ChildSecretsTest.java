package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.Launcher;
import dev.envoi.app.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 9: Envoi runs as its own process with the password in its environment, and the
 * sendmail program it starts (a stand-in script that dumps its environment) gets no secret.
 */
@Timeout(120)
class ChildSecretsTest {

    private static final String PASSWORD = "s3cret-in-the-environment";

    @TempDir
    Path home;

    private int envoi(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Duser.language=en",
                Launcher.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--profile", home.resolve("profile").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(home.resolve(name + ".out").toFile())
                .redirectError(home.resolve(name + ".err").toFile());
        builder.environment().put("ENVOI_SMTP_PASSWORD", PASSWORD);
        builder.environment().put("ENVOI_KEYRING", "off");
        builder.environment().put("MAILER_API_TOKEN", "token-" + PASSWORD);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), name + " finished");
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theSendmailChildGetsNoSecret() throws Exception {
        Path dump = home.resolve("child-env");
        Path program = home.resolve("fake-sendmail");
        Files.writeString(program, "#!/bin/sh\nenv > '" + dump + "'\ncat > /dev/null\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));

        assertEquals(ExitCode.OK, envoi("add", "account", "add", "local", "--address", "me@example.org",
                "--sendmail=" + program, "--default"), () -> read("add.err"));
        assertEquals(ExitCode.OK, envoi("send", "send", "--to", "jane@example.org", "--subject", "hello",
                "--undo-seconds", "0", "--wait=60"), () -> read("send.err"));

        String childEnv = Files.readString(dump);
        assertTrue(childEnv.contains("PATH="), "the child keeps an ordinary environment: " + childEnv);
        assertFalse(childEnv.contains(PASSWORD), childEnv);
        assertFalse(childEnv.contains("ENVOI_"), childEnv);
    }

    private String read(String file) {
        try {
            return Files.readString(home.resolve(file));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
