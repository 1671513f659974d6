package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.HostileCertificate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, items 5 and 15, through the real command line against a hostile FaultSmtpServer: text
 * from the server reaches the terminal with its controls made visible, and `account test` claims
 * only the steps it performed.
 */
@Timeout(60)
class OutsideTextTest {

    /** Retitles the terminal, then clears the screen: what a hostile server may put in a reply. */
    private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J \u202eevil";

    @TempDir
    Path home;
    private FaultSmtpServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
        CommandLineRun added = envoi("account", "add", "fault", "--address", "me@example.org", "--host", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--security", "none", "--default");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", home.resolve("profile").toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.of("USER", "tester",
                "ENVOI_KEYRING", "off", "ENVOI_SMTP_TIMEOUTS", "connect=5,command=5,write=5,end=10"), withProfile);
    }

    private static void assertNoControls(String printed) {
        assertFalse(printed.chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f || c == 0x202e),
                "no raw control character reaches the terminal: " + printed.replace("\u001b", "<ESC>"));
    }

    @Test
    void aHostileRefusalIsPrintedWithItsControlsVisible() {
        server.reply(FaultSmtpServer.Stage.MAIL, "550 5.7.1 " + HOSTILE);
        CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--subject", "hi", "--undo-seconds", "0",
                "--wait=30");
        assertEquals(ExitCode.REFUSED, sent.exitCode, sent.toString());
        assertNoControls(sent.err);
        assertTrue(sent.err.contains("\\x1b]0;pwned\\x07\\x1b[2J"), sent.err);
        assertTrue(sent.err.contains("evil"), "the rest of the reply is kept: " + sent.err);
    }

    @Test
    void aHostileGreetingIsPrintedWithItsControlsVisibleByAccountTest() {
        server.reply(FaultSmtpServer.Stage.GREETING, "554 5.3.2 " + HOSTILE);
        CommandLineRun tested = envoi("account", "test", "fault");
        assertEquals(ExitCode.FAILURE, tested.exitCode, tested.toString());
        assertNoControls(tested.out);
        assertNoControls(tested.err);
        assertTrue((tested.out + tested.err).contains("\\x1b[2J"), tested.toString());
    }

    @Test
    void aCertificateSubjectWithEscapesIsPrintedVisiblyByAccountTest() throws Exception {
        server.startTls(HostileCertificate.serverContext("mail.example.org\u001b]0;pwned\u0007\u001b[2J"));
        CommandLineRun added = envoi("account", "add", "tls", "--address", "me@example.org", "--host", "localhost",
                "--port", Integer.toString(server.port()), "--security", "starttls");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        CommandLineRun tested = envoi("account", "test", "tls");
        assertEquals(ExitCode.FAILURE, tested.exitCode, tested.toString());
        assertNoControls(tested.out);
        assertNoControls(tested.err);
        // The subject as RFC 2253 writes it (its ';' escaped), with the controls shown.
        assertTrue((tested.out + tested.err).contains("pwned\\x07\\x1b[2J"), tested.toString());
    }

    @Test
    void accountTestClaimsOnlyTheStepsItPerformed() {
        CommandLineRun tested = envoi("account", "test", "fault");
        assertEquals(ExitCode.OK, tested.exitCode, tested.toString());
        assertTrue(tested.err.contains("account fault works: connect succeeded"), tested.err);
        assertFalse(tested.err.contains("TLS"), "TLS was not used: " + tested.err);
        assertTrue(tested.out.contains("tls: skipped"), tested.out);
        assertTrue(tested.out.contains("login: skipped"), tested.out);
    }
}
