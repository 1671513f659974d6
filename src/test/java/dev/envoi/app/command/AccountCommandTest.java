package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.FileCredentials;
import dev.envoi.app.cli.ExitCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `envoi account ...` and sending through an account, against GreenMail on loopback. */
@Timeout(60)
class AccountCommandTest {

    private static final String PASSWORD = "Tr0ub4dor&3-émile";

    @TempDir
    Path home;
    private GreenMail mail;
    private final Map<String, String> env = new HashMap<>(Map.of("USER", "tester", "ENVOI_KEYRING", "off",
            "ENVOI_SMTP_TIMEOUTS", "connect=5,command=5,write=5,end=10"));

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        mail.setUser("emile@example.org", "emile", PASSWORD);
    }

    @AfterEach
    void tearDown() {
        mail.stop();
    }

    private Path profile() {
        return home.resolve("profile");
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.copyOf(env), withProfile);
    }

    private CommandLineRun addGreenMailAccount(String store) {
        env.put("ENVOI_SMTP_PASSWORD", PASSWORD);
        CommandLineRun run = envoi("account", "add", "greenmail", "--address", "Émile <emile@example.org>",
                "--host", "127.0.0.1", "--port", Integer.toString(mail.getSmtp().getPort()), "--security", "none",
                "--user", "emile", "--password-store", store, "--default");
        env.remove("ENVOI_SMTP_PASSWORD");
        return run;
    }

    @Test
    void addListAndRemoveAnAccount() {
        CommandLineRun added = envoi("account", "add", "home", "--address", "me@example.org", "--display-name",
                "Émile Envoi", "--host", "smtp.example.org", "--security", "starttls", "--size-limit", "25000000");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        assertTrue(added.err.contains("added account home"), added.err);

        CommandLineRun json = envoi("account", "list", "--json");
        assertEquals(ExitCode.OK, json.exitCode, json.toString());
        assertTrue(json.out.contains("\"name\":\"home\""), json.out);
        assertTrue(json.out.contains("\"displayName\":\"Émile Envoi\""), json.out);
        assertTrue(json.out.contains("\"port\":587"), "STARTTLS defaults to 587: " + json.out);
        assertTrue(json.out.contains("\"security\":\"starttls\""), json.out);
        assertTrue(json.out.contains("\"sizeLimit\":25000000"), json.out);

        CommandLineRun table = envoi("account", "list");
        assertTrue(table.out.contains("smtp.example.org:587"), table.out);

        assertEquals(ExitCode.OK, envoi("account", "remove", "home").exitCode);
        assertEquals("[]", envoi("account", "list", "--json").out.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "account|account needs add, list, remove, test, pin or login",
        "account frobnicate|unknown",
        "account add x --address me@example.org --security tls|needs --host",
        "account add x --address me@example.org --host h.example --security weird|not tls, starttls or none",
        "account add x --address me@example.org --host h.example --security tls --port 0|out of range",
        "account add x --address me@example.org --host h.example --security tls --port abc|not a whole number",
        "account add x --address nobody --host h.example --security tls|--address",
        "account add x --address me@example.org --host bad!host --security tls|host:",
        "account add x --address me@example.org --host mail.example.org --security none|--insecure",
        "account add x --address me@example.org --host h.example --security tls --password hunter2|never given on the command line",
        "account add x --address me@example.org --host h.example --security tls --user me|needs the password",
        "account add x --address me@example.org --host h.example --security tls --auth magic|not none, password, oauth2 or xoauth2",
        "account add x --address me@example.org --host h.example --security tls --password-store cloud|not keyring, file or session",
        "account add x --address me@example.org --host h.example --security tls --size-limit -5|out of range",
        "account add bad/name --address me@example.org --host h.example --security tls|account name",
        "account remove ghost|no account is named",
        "account test ghost|no account is named",
        "account pin ghost 12:34|not a SHA-256 fingerprint",
        "account add x --address me@example.org --auth oauth2|needs --oauth-provider",
        "account add x --address me@example.org --auth oauth2 --oauth-provider microsoft|carries no client id for microsoft",
        "account add x --address me@example.org --auth oauth2 --oauth-provider gmail --oauth-client-id c|is not microsoft, google",
        "account add x --address me@example.org --host h.example --security tls --oauth-provider google|goes with --auth oauth2",
        "account add x --address me@example.org --auth oauth2 --oauth-issuer http://idp.example.org/ --oauth-client-id c --oauth-scope s --host h.example --security tls|is not an https URL",
        "account add x --address me@example.org --auth oauth2 --oauth-issuer https://idp.example.org/ --oauth-client-id c --host h.example --security tls|needs --oauth-scope",
        "account add x --address me@example.org --auth oauth2 --oauth-provider google --oauth-client-id c --password-store file|goes with envoi account login",
        "account login ghost|no account is named",
        "account login|takes one account name",
    })
    void badInputGetsOneClearLine(String command, String expected) {
        CommandLineRun run = envoi(command.split(" "));
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(expected), run.err);
        assertEquals(1, run.err.strip().lines().count(), "one line: " + run.err);
        assertFalse(run.err.contains("Exception"), run.err);
        assertFalse(run.err.contains("hunter2"), "the password is not even echoed back");
    }

    @Test
    void aSendmailAccountTakesTheMessagesOfItsAddress() throws Exception {
        Path out = home.resolve("handed.eml");
        Path program = home.resolve("fake-sendmail");
        Files.writeString(program, "#!/bin/sh\nprintf '%s ' \"$@\" > '" + home.resolve("args") + "'\ncat > '" + out + "'\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        CommandLineRun added = envoi("account", "add", "local", "--address", "me@example.org", "--sendmail=" + program);
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        assertTrue(envoi("account", "list", "--json").out.contains("\"sendmail\":\"" + program + "\""));
        CommandLineRun tested = envoi("account", "test", "local");
        assertEquals(ExitCode.OK, tested.exitCode, tested.toString());

        CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--subject", "local mail", "--undo-seconds", "0",
                "--wait=30");
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        assertTrue(sent.err.contains("Accepted by " + program), sent.err);
        assertTrue(Files.readString(out).contains("Subject: local mail"));
        assertEquals("-i -f me@example.org -- jane@example.org ", Files.readString(home.resolve("args")));

        CommandLineRun mixed = envoi("account", "add", "x", "--address", "x@example.org", "--sendmail", "--host", "h");
        assertEquals(ExitCode.BAD_INPUT, mixed.exitCode);
        assertTrue(mixed.err.contains("does not go with --sendmail"), mixed.err);
        CommandLineRun relative = envoi("account", "add", "y", "--address", "y@example.org", "--sendmail=sendmail");
        assertEquals(ExitCode.BAD_INPUT, relative.exitCode);
        assertTrue(relative.err.contains("not an absolute path"), relative.err);
    }

    @Test
    void aSecondAccountOfTheSameNameIsRefused() {
        assertEquals(ExitCode.OK, envoi("account", "add", "a", "--address", "a@example.org", "--host", "h.example",
                "--security", "tls").exitCode);
        CommandLineRun again = envoi("account", "add", "a", "--address", "b@example.org", "--host", "h.example",
                "--security", "tls");
        assertEquals(ExitCode.BAD_INPUT, again.exitCode);
        assertTrue(again.err.contains("exists already"), again.err);
    }

    @Test
    void accountTestSaysEachStepAndExitsZeroWhenAllWork() {
        assertEquals(ExitCode.OK, addGreenMailAccount("file").exitCode);
        CommandLineRun test = envoi("account", "test", "greenmail");
        assertEquals(ExitCode.OK, test.exitCode, test.toString());
        assertTrue(test.out.contains("connect: ok"), test.out);
        // Issue 14, item 15: TLS was not used, so it is not said to have succeeded.
        assertTrue(test.out.contains("tls: skipped — not used"), test.out);
        assertTrue(test.out.contains("login: ok — logged in as emile"), test.out);
        assertTrue(test.err.contains("works: connect and login succeeded"), test.err);
    }

    @Test
    void accountTestNamesTheFailedStep() {
        mail.setUser("emile@example.org", "emile", "changed on the server");
        assertEquals(ExitCode.OK, addGreenMailAccount("file").exitCode);
        CommandLineRun test = envoi("account", "test", "greenmail");
        assertEquals(ExitCode.FAILURE, test.exitCode, test.toString());
        assertTrue(test.err.contains("failed at login"), test.err);
        mail.stop();
        CommandLineRun down = envoi("account", "test", "greenmail");
        assertEquals(ExitCode.FAILURE, down.exitCode, down.toString());
        assertTrue(down.err.contains("failed at connect"), down.err);
        assertTrue(down.err.contains("refused the connection"), down.err);
    }

    @Test
    void sendThroughTheAccountAndThePasswordIsNowhere() throws Exception {
        assertEquals(ExitCode.OK, addGreenMailAccount("file").exitCode);
        Path credentials = profile().resolve(FileCredentials.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));

        CommandLineRun sent = envoi("send", "--account", "greenmail", "--to", "jane@example.org", "--subject",
                "via SMTP", "--body", "Bonjour", "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        assertTrue(sent.err.contains("handed off: 250"), sent.err);
        assertEquals(1, mail.getReceivedMessages().length);
        assertEquals("via SMTP", mail.getReceivedMessages()[0].getSubject());

        mail.setUser("emile@example.org", "emile", "changed on the server");
        CommandLineRun refused = envoi("send", "--to", "jane@example.org", "--subject", "refused login",
                "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.REFUSED, refused.exitCode, refused.toString());
        assertTrue(refused.err.contains("refused the login of emile"), refused.err);

        for (CommandLineRun run : List.of(sent, refused)) {
            assertFalse(run.out.contains(PASSWORD) || run.err.contains(PASSWORD), "the password was printed");
        }
        assertNowhereUnder(profile(), credentials, PASSWORD);
    }

    @Test
    void theFromOfAnotherAccountIsRefused() {
        assertEquals(ExitCode.OK, addGreenMailAccount("file").exitCode);
        CommandLineRun run = envoi("send", "--account", "greenmail", "--from", "other@example.org", "--to",
                "jane@example.org");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("is not the address of account greenmail"), run.err);
    }

    @Test
    void withoutAStoredPasswordSendWaitSaysHowToGiveIt() {
        assertEquals(ExitCode.OK, addGreenMailAccount("session").exitCode);
        CommandLineRun run = envoi("send", "--to", "jane@example.org", "--undo-seconds", "0", "--wait=10");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("ENVOI_SMTP_PASSWORD"), run.err);

        env.put("ENVOI_SMTP_PASSWORD", PASSWORD);
        CommandLineRun withVariable = envoi("send", "--to", "jane@example.org", "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.OK, withVariable.exitCode, withVariable.toString());
        assertFalse(Files.exists(profile().resolve(FileCredentials.FILE_NAME)), "session: nothing written");
        assertNowhereUnder(profile(), null, PASSWORD);
    }

    /** Every file of the profile (database, WAL, vault, pickup) but the chosen credentials file. */
    static void assertNowhereUnder(Path root, Path allowed, String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.equals(allowed)) {
                    continue;
                }
                byte[] content = Files.readAllBytes(file);
                assertFalse(indexOf(content, utf8) >= 0, "the password is in " + file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
