package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.setup.ConfigServer;
import dev.envoi.setup.Configs;
import dev.envoi.setup.LocalDns;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `envoi account add NAME --address ADDR --auto`, with the overrides pointing at a local web
 * server (autoconfig and ISPDB) and a local DNS server: nothing public is asked.
 */
@Timeout(60)
class AccountAutoCommandTest {

    private static final String CONFIG = "/example.test/mail/config-v1.1.xml";

    @TempDir
    Path home;
    private ConfigServer web;
    private LocalDns dns;
    private final Map<String, String> env = new HashMap<>(Map.of("USER", "tester", "ENVOI_KEYRING", "off"));

    @BeforeEach
    void setUp() throws Exception {
        web = ConfigServer.plain();
        dns = new LocalDns();
        env.put("ENVOI_AUTOCONFIG_BASE", web.base() + "autoconfig");
        env.put("ENVOI_ISPDB_URL", web.base() + "ispdb");
        env.put("ENVOI_DNS", dns.hostPort());
    }

    @AfterEach
    void tearDown() {
        web.close();
        dns.close();
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", home.resolve("p").toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.copyOf(env), withProfile);
    }

    @Test
    void dryRunPrintsTheJsonAndSavesNothing() {
        web.file("/autoconfig" + CONFIG, Configs.smtp("smtp.example.test", 465, "SSL"));
        CommandLineRun run = envoi("account", "add", "work", "--address", "emile@example.test", "--auto", "--dry-run",
                "--json");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertEquals("{\"smtp\":{\"host\":\"smtp.example.test\",\"port\":465,\"security\":\"tls\"},"
                + "\"imap\":{\"host\":\"imap.example.test\",\"port\":993,\"security\":\"tls\"},"
                + "\"auth\":\"password\",\"source\":\"autoconfig\"}", run.out.strip());
        assertTrue(run.err.contains("autoconfig: found"), run.err);
        assertEquals("[]", envoi("account", "list", "--json").out.strip());
    }

    @Test
    void autoSavesWhatTheIspdbSaysAndSaysWhereFrom() {
        web.file("/ispdb/example.test", Configs.smtp("smtp.example.test", 587, "STARTTLS"));
        env.put("ENVOI_SMTP_PASSWORD", "secret");
        CommandLineRun run = envoi("account", "add", "work", "--address", "Émile <emile@example.test>", "--auto",
                "--password-store", "file");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("outgoing: smtp.example.test:587 (starttls)"), run.out);
        assertTrue(run.out.contains("incoming: imap.example.test:993 (tls)"), run.out);
        assertTrue(run.out.contains("from:     Thunderbird's ISPDB, " + web.base() + "ispdb/example.test"), run.out);
        assertTrue(run.err.contains("added account work"), run.err);
        String list = envoi("account", "list", "--json").out;
        assertTrue(list.contains("\"host\":\"smtp.example.test\",\"port\":587") && list.contains("\"user\":\"emile\""),
                list);
    }

    @Test
    void autoSavesWhatDnsSrvRecordsSay() throws Exception {
        dns.srv("_submissions._tcp.example.test", 0, 465, "mail.example.test");
        env.put("ENVOI_SMTP_PASSWORD", "secret");
        CommandLineRun run = envoi("account", "add", "work", "--address", "emile@example.test", "--auto",
                "--password-store", "file");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("from:     your domain's DNS SRV records"), run.out);
        assertTrue(envoi("account", "list", "--json").out.contains("\"host\":\"mail.example.test\",\"port\":465"));
    }

    @Test
    void anOauthPresetIsSavedWithoutAskingForASecretAndSaysSignInIsNeeded() {
        CommandLineRun json = envoi("account", "add", "g", "--address", "jane@gmail.com", "--auto", "--dry-run",
                "--json");
        assertEquals("{\"smtp\":{\"host\":\"smtp.gmail.com\",\"port\":465,\"security\":\"tls\"},"
                + "\"imap\":{\"host\":\"imap.gmail.com\",\"port\":993,\"security\":\"tls\"},"
                + "\"auth\":\"oauth2\",\"source\":\"preset\"}", json.out.strip());
        CommandLineRun noClient = envoi("account", "add", "g", "--address", "jane@gmail.com", "--auto");
        assertEquals(ExitCode.BAD_INPUT, noClient.exitCode, noClient.toString());
        assertTrue(noClient.err.contains("--oauth-client-id"), "this build carries no client id: " + noClient.err);
        CommandLineRun run = envoi("account", "add", "g", "--address", "jane@gmail.com", "--auto",
                "--oauth-client-id", "envoi-test-client");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertTrue(run.out.contains("sign in:  OAuth2 (google) as jane@gmail.com"), run.out);
        assertTrue(run.err.contains("now sign in: envoi account login g"), run.err);
        assertTrue(envoi("account", "list", "--json").out.contains("\"auth\":\"oauth2\""));
        assertTrue(web.asked.isEmpty(), "a preset asks no one");
    }

    @Test
    void unsafeResultsAreRefusedAndNothingIsSaved() throws Exception {
        web.file("/autoconfig" + CONFIG, Configs.smtp("smtp.example.test", 25, "plain"));
        web.file("/ispdb/example.test", Configs.smtp("smtp.evil.test", 465, "SSL"));
        dns.mx("example.test", 10, "mx.hoster.test");
        web.file("/ispdb/hoster.test", Configs.smtp("smtp.hoster.test", 465, "SSL"));
        CommandLineRun run = envoi("account", "add", "work", "--address", "emile@example.test", "--auto");
        assertEquals(ExitCode.FAILURE, run.exitCode, run.toString());
        assertTrue(run.err.contains("autoconfig: refused") && run.err.contains("in the clear"), run.err);
        assertTrue(run.err.contains("ispdb: refused") && run.err.contains("outside example.test"), run.err);
        assertTrue(run.err.contains("mx: refused") && run.err.contains("smtp.hoster.test"), run.err);
        assertTrue(run.err.contains("found no settings safe to use"), run.err);
        assertEquals("[]", envoi("account", "list", "--json").out.strip());
    }

    @Test
    void autoDoesNotTakeServerSettingsToo() {
        CommandLineRun run = envoi("account", "add", "work", "--address", "emile@example.test", "--auto", "--host",
                "smtp.example.test");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--host does not go with --auto"), run.err);
        CommandLineRun dry = envoi("account", "add", "work", "--address", "emile@example.test", "--dry-run");
        assertEquals(ExitCode.BAD_INPUT, dry.exitCode, dry.toString());
        assertFalse(dry.err.contains("added"));
    }
}
