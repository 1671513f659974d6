package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.FaultSmtpServer.Stage;
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
 * `outbox --flush --wait` exits as `send --wait` does, so a restart script can tell: the real
 * command line, a real SMTP server on loopback answering each way.
 */
@Timeout(90)
class OutboxFlushExitTest {

    @TempDir
    Path home;
    private FaultSmtpServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
        CommandLineRun added = envoi("account", "add", "relay", "--address", "emile@example.org",
                "--host", "127.0.0.1", "--port", Integer.toString(server.port()), "--security", "none", "--default");
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
                "ENVOI_KEYRING", "off", "ENVOI_SMTP_TIMEOUTS", "connect=5,command=5,write=5,end=5"), withProfile);
    }

    private int queueAndFlush() {
        CommandLineRun queued = envoi("send", "--to", "jane@example.org", "--subject", "after a restart",
                "--undo-seconds", "0");
        assertEquals(ExitCode.OK, queued.exitCode, queued.toString());
        CommandLineRun flush = envoi("outbox", "--flush", "--wait=60");
        return flush.exitCode;
    }

    @Test
    void allHandedOffExitsZero() {
        assertEquals(ExitCode.OK, queueAndFlush());
        assertEquals(1, server.kept().size());
    }

    @Test
    void aRefusalExitsThree() {
        server.reply(Stage.END_OF_DATA, "554 5.7.1 not from here");
        assertEquals(ExitCode.REFUSED, queueAndFlush());
    }

    @Test
    void aBrokenConnectionAfterTheWholeMessageExitsSeven() {
        server.at(Stage.END_OF_DATA, new FaultSmtpServer.Reset());
        assertEquals(ExitCode.UNCERTAIN, queueAndFlush());
    }

    @Test
    void aMessageWaitingForItsRetryExitsFour() {
        server.reply(Stage.MAIL, "451 4.3.0 try again later");
        assertEquals(ExitCode.STILL_QUEUED, queueAndFlush());
        assertTrue(server.kept().isEmpty());
    }

    @Test
    void theWorstOutcomeDecides() {
        server.reply(Stage.END_OF_DATA, "554 5.7.1 not from here");
        CommandLineRun first = envoi("send", "--to", "jane@example.org", "--subject", "one", "--undo-seconds", "0");
        assertEquals(ExitCode.OK, first.exitCode, first.toString());
        CommandLineRun refused = envoi("outbox", "--flush", "--wait=60");
        assertEquals(ExitCode.REFUSED, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("1 refused or failed"), refused.err);

        server.clearFaults();
        assertEquals(ExitCode.OK, queueAndFlush(), "an earlier refusal is not this flush's");
    }
}
