package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.log.ProfileLog;
import dev.envoi.transport.FaultSmtpServer.Stage;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The profile's log through real parts: the command line on a real profile, the real spooler
 * sending to a real SMTP server on loopback that asks for a password and first says "try later".
 * The log tells each state and the retry with its reason, and holds no content or secret.
 */
@Timeout(120)
class ProfileLogTest extends AccountProfileFixture {

    @Test
    void aRetriedMessageLeavesItsStatesAndTheRetryButNoContentOrSecret() throws Exception {
        server().reply(Stage.MAIL, "451 4.3.0 mailbox busy, try again later");
        String id = send("--undo-seconds", "0");
        CommandLineRun first = envoi("outbox", "--flush", "--wait=60");
        assertEquals(ExitCode.STILL_QUEUED, first.exitCode, first.toString());

        server().clearFaults();
        // The first retry falls due about 15 s later; flush until the server has the message.
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (server().kept().isEmpty() && System.nanoTime() < deadline) {
            envoi("outbox", "--flush", "--wait=60");
            Thread.sleep(500);
        }
        assertEquals(1, server().kept().size(), "sent after the retry");

        String log = log();
        assertTrue(log.contains(id + " QUEUED"), log);
        assertTrue(log.contains(id + " SENDING, attempt 1, account relay"), log);
        assertTrue(log.contains(id + " RETRYING at "), log);
        assertTrue(log.contains("451 4.3.0 mailbox busy, try again later"), "the retry's reason: " + log);
        assertTrue(log.contains(id + " SENDING, attempt 2"), log);
        assertTrue(log.contains(id + " SENT (handed off)"), log);
        for (String secret : new String[] {SUBJECT, BODY, PASSWORD, RECIPIENT, "jane.doe"}) {
            assertFalse(log.contains(secret), "the log holds \"" + secret + "\": " + log);
        }
        assertFalse(log.contains(" DEBUG "), "no debug lines without --debug: " + log);
        assertFalse(first.err.contains("RETRYING") || first.out.contains("RETRYING"), "the terminal stays as it was");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(ProfileLog.fileIn(profile()).getParent())), "owner-only, as the profile");
        }
    }

    @Test
    void aRefusalIsLoggedWithoutTheRecipientsAddress() throws Exception {
        server().reply(Stage.RCPT, "550 5.1.1 <" + RECIPIENT + ">: no such user here");
        String id = send("--undo-seconds", "0");
        CommandLineRun flushed = envoi("outbox", "--flush", "--wait=60");
        assertEquals(ExitCode.REFUSED, flushed.exitCode, flushed.toString());
        String log = log();
        assertTrue(log.contains(id + " DRAFT: refused for good: "), log);
        assertTrue(log.contains("***@example.org"), "the domain that refused is said: " + log);
        assertFalse(log.contains("jane.doe"), "never whom it was for: " + log);
    }

    @Test
    void debugRaisesTheLevel() throws Exception {
        String id = send("--undo-seconds", "30", "--debug");
        assertTrue(log().contains(" DEBUG "), log());
        assertTrue(log().contains(id + " QUEUED"), log());
        CommandLineRun cancelled = envoi("cancel", id);
        assertEquals(ExitCode.OK, cancelled.exitCode, cancelled.toString());
        assertTrue(log().contains(id + " cancelled: DRAFT again as " + cancelled.out.strip()), log());
    }
}
