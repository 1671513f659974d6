package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 14, item 4: "this machine" is decided by the host's text, never by a name that starts with 127. */
@Timeout(60)
class LoopbackHostTest {

    @TempDir
    Path home;

    private CommandLineRun addClearAccount(String host) {
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(),
                Map.of("USER", "tester", "ENVOI_KEYRING", "off", "ENVOI_SMTP_PASSWORD", "secret"),
                "account", "add", "clear", "--address", "me@example.org", "--host", host, "--security", "none",
                "--auth", "password", "--user", "me", "--password-store", "file",
                "--profile", home.resolve("profile").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1.nip.io", "127.smtp.example.com", "127.0.0.1.example.org", "127.1", "localhost.example.org"})
    void aNameThatLooksLocalNeedsInsecureForAClearPassword(String host) {
        CommandLineRun run = addClearAccount(host);
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--insecure"), run.err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.45.6.254", "localhost", "LocalHost", "[::1]"})
    void loopbackLiteralsAreThisMachine(String host) {
        CommandLineRun run = addClearAccount(host);
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
    }
}
