package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.log.ProfileLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `envoi diagnose` on a real profile with a password account and a queued message: the report
 * names versions, the system, the account's server and the queue by id, and the log's last lines,
 * and holds no password, user name, subject, body or recipient.
 */
@Timeout(60)
class DiagnoseCommandTest extends AccountProfileFixture {

    @Test
    void writesAReportWithoutSecretsAndSaysWhere() throws Exception {
        String id = send("--undo-seconds", "60");
        CommandLineRun diagnosed = envoi("diagnose");
        assertEquals(ExitCode.OK, diagnosed.exitCode, diagnosed.toString());
        Path report = Path.of(diagnosed.out.strip());
        assertTrue(report.startsWith(profile().resolve(ProfileLog.FOLDER)), "in the profile: " + report);
        assertTrue(diagnosed.err.contains(report.toString()), "says where: " + diagnosed.err);

        String text = Files.readString(report);
        assertTrue(text.contains("Envoi version: "), text);
        assertTrue(text.contains("Java: " + System.getProperty("java.version")), text);
        assertTrue(text.contains("JavaFX: 21"), text);
        assertTrue(text.contains("OS: " + System.getProperty("os.name")), text);
        assertTrue(text.contains("Profile: " + profile().toAbsolutePath()), text);
        assertTrue(text.contains("relay (default): 127.0.0.1:" + server().port() + ", security NONE, auth PASSWORD"), text);
        assertTrue(text.contains("Outbox (1): {QUEUED=1}"), text);
        assertTrue(text.contains(id + " QUEUED, attempts 0"), text);
        assertTrue(text.contains("Last "), text);
        assertTrue(text.contains("QueueEvents: " + id + " QUEUED"), "the log's recent lines: " + text);
        for (String secret : new String[] {PASSWORD, SUBJECT, BODY, RECIPIENT, "emile"}) {
            assertFalse(text.contains(secret), "the report holds \"" + secret + "\": " + text);
        }
    }

    @Test
    void writesWhereOutputSaysAndShowsControlsOfLogLines() throws Exception {
        send("--undo-seconds", "60");
        Files.writeString(ProfileLog.fileIn(profile()), "a line from outside \u001b]0;retitled\u0007\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path output = home.resolve("report.txt");
        CommandLineRun diagnosed = envoi("diagnose", "--output", output.toString());
        assertEquals(ExitCode.OK, diagnosed.exitCode, diagnosed.toString());
        String text = Files.readString(output);
        assertTrue(text.contains("a line from outside \\x1b]0;retitled\\x07"), text);
        assertFalse(text.contains("\u001b"), "no raw escape reaches whoever reads the report");
    }
}
