package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.log.ProfileLog;
import dev.envoi.transport.FaultSmtpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real profile, driven through the real command line, with one account on a real SMTP server
 * on loopback that asks for a password: what the log and diagnose tests start from.
 */
abstract class AccountProfileFixture {

    static final String PASSWORD = "s3cret-Pa55-émile";
    static final String SUBJECT = "Quarterly figures for Jane";
    static final String BODY = "the body nobody else may read";
    static final String RECIPIENT = "jane.doe@example.org";

    @TempDir
    Path home;
    private FaultSmtpServer server;
    private final Map<String, String> env = new HashMap<>(Map.of("USER", "tester", "ENVOI_KEYRING", "off",
            "ENVOI_SMTP_TIMEOUTS", "connect=5,command=5,write=5,end=5"));

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer().requireLogin("emile", PASSWORD);
        env.put("ENVOI_SMTP_PASSWORD", PASSWORD);
        CommandLineRun added = envoi("account", "add", "relay", "--address", "emile@example.org", "--host",
                "127.0.0.1", "--port", Integer.toString(server.port()), "--security", "none", "--user", "emile",
                "--password-store", "file", "--insecure", "--default");
        env.remove("ENVOI_SMTP_PASSWORD");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.copyOf(env), withProfile);
    }

    FaultSmtpServer server() {
        return server;
    }

    Path profile() {
        return home.resolve("profile");
    }

    String send(String... extra) {
        String[] args = Stream.concat(Stream.of("send", "--to", RECIPIENT, "--subject", SUBJECT, "--body", BODY),
                Stream.of(extra)).toArray(String[]::new);
        CommandLineRun sent = envoi(args);
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        return sent.out.strip();
    }

    String log() throws Exception {
        return Files.readString(ProfileLog.fileIn(profile()));
    }

}
