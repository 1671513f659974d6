package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.transport.FaultSmtpServer;
import java.nio.charset.StandardCharsets;
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
 * A message keeps its account: two accounts with the same address, each to its own SMTP server on
 * loopback; the one chosen gets the message, the other never; a removed account makes the message
 * wait with the reason, and another one chosen sends it. The real command line throughout.
 */
@Timeout(90)
class AccountChoiceTest {

    private static final String ADDRESS = "emile@example.org";

    @TempDir
    Path home;
    private FaultSmtpServer relay;
    private FaultSmtpServer provider;

    @BeforeEach
    void setUp() throws Exception {
        relay = new FaultSmtpServer();
        provider = new FaultSmtpServer();
        add("relay", relay, "--default");
        CommandLineRun second = add("provider", provider);
        assertTrue(second.err.contains("already") && second.err.contains("relay"),
                "says the address is used by another account: " + second);
    }

    @AfterEach
    void tearDown() throws Exception {
        relay.close();
        provider.close();
    }

    private CommandLineRun add(String name, FaultSmtpServer server, String... more) {
        String[] args = Stream.concat(Stream.of("account", "add", name, "--address", ADDRESS, "--host", "127.0.0.1",
                "--port", Integer.toString(server.port()), "--security", "none"), Stream.of(more)).toArray(String[]::new);
        CommandLineRun added = envoi(args);
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        return added;
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", home.resolve("profile").toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.of("USER", "tester",
                "ENVOI_KEYRING", "off", "ENVOI_SMTP_TIMEOUTS", "connect=5,command=5,write=5,end=5"), withProfile);
    }

    private static String subjects(FaultSmtpServer server) {
        StringBuilder all = new StringBuilder();
        server.kept().forEach(m -> all.append(new String(m, StandardCharsets.UTF_8)));
        return all.toString();
    }

    @Test
    void theChosenAccountSendsAndTheOtherNever() {
        CommandLineRun sent = envoi("send", "--account", "provider", "--to", "jane@example.org", "--subject",
                "through the provider", "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        assertEquals(1, provider.kept().size());
        assertEquals(0, relay.kept().size(), "never the default account of the same address");

        CommandLineRun byDefault = envoi("send", "--to", "jane@example.org", "--subject", "through the relay",
                "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.OK, byDefault.exitCode, byDefault.toString());
        assertTrue(subjects(relay).contains("through the relay"));
        assertEquals(1, provider.kept().size());
    }

    @Test
    void aRemovedAccountMakesTheMessageWaitUntilAnotherIsChosen() {
        CommandLineRun queued = envoi("send", "--account", "provider", "--to", "jane@example.org", "--subject",
                "kept for its account", "--undo-seconds", "0");
        assertEquals(ExitCode.OK, queued.exitCode, queued.toString());
        String id = queued.out.strip();
        assertEquals(ExitCode.OK, envoi("account", "remove", "provider").exitCode);

        CommandLineRun flush = envoi("outbox", "--flush", "--wait=30");

        assertEquals(ExitCode.STILL_QUEUED, flush.exitCode, "it waits, it is not failed: " + flush);
        assertEquals(0, relay.kept().size(), "never sent through another account");
        CommandLineRun listed = envoi("outbox", "--json");
        assertTrue(listed.out.contains("\"account\":\"provider\""), listed.out);
        assertTrue(listed.out.contains("provider this message was submitted with was removed"), listed.out);
        assertTrue(!listed.out.contains("FAILED"), listed.out);

        CommandLineRun reassigned = envoi("outbox", "--reassign", id, "--account", "relay");
        assertEquals(ExitCode.OK, reassigned.exitCode, reassigned.toString());
        CommandLineRun again = envoi("outbox", "--flush", "--wait=30");

        assertEquals(ExitCode.OK, again.exitCode, again.toString());
        assertTrue(subjects(relay).contains("kept for its account"), "sent through the account chosen");
        assertEquals("[]", envoi("outbox", "--json").out.strip());
    }

    @Test
    void anAccountOfAnotherAddressIsNotOffered() {
        CommandLineRun other = envoi("account", "add", "elsewhere", "--address", "someone@example.net", "--host",
                "127.0.0.1", "--port", Integer.toString(relay.port()), "--security", "none");
        assertEquals(ExitCode.OK, other.exitCode, other.toString());
        String id = envoi("send", "--account", "provider", "--to", "jane@example.org", "--undo-seconds", "60")
                .out.strip();

        CommandLineRun refused = envoi("outbox", "--reassign", id, "--account", "elsewhere");

        assertEquals(ExitCode.BAD_INPUT, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("sends as someone@example.net"), refused.err);
        assertEquals(ExitCode.BAD_INPUT, envoi("outbox", "--reassign", id, "--account", "ghost").exitCode);
    }
}
