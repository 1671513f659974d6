package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.ImapFront;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copy in the server's Sent folder from the command line: `account add --imap-host ...`,
 * `send --wait`, `outbox --flush`, and `outbox --json` showing a copy that failed, with why.
 */
@Timeout(120)
class SentCopyCommandTest {

    private static final String PASSWORD = "copy-pw";

    @TempDir
    Path home;
    private GreenMail mail;
    private final Map<String, String> env = new HashMap<>(Map.of("USER", "tester", "ENVOI_KEYRING", "off",
            "ENVOI_SMTP_TIMEOUTS", "connect=5,command=5,write=5,end=10"));

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        mail.start();
        mail.setUser("emile@example.org", "emile", PASSWORD);
    }

    @AfterEach
    void tearDown() {
        mail.stop();
    }

    @Test
    void aMessageSentThroughAnImapAccountIsFiledOnceInTheServersSentFolder() throws Exception {
        CommandLineRun added = addAccount(mail.getImap().getPort());
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        assertTrue(added.err.contains("a copy of each sent message goes to the Sent folder on 127.0.0.1:"), added.err);
        CommandLineRun listed = envoi("account", "list", "--json");
        assertTrue(listed.out.contains("\"imap\":{\"host\":\"127.0.0.1\",\"port\":" + mail.getImap().getPort()
                + ",\"security\":\"none\",\"sentCopy\":true,\"sentFolder\":null,\"user\":null}"), listed.out);

        CommandLineRun sent = send("filed");
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        CommandLineRun flushed = envoi("outbox", "--flush", "--wait=30");
        assertEquals(ExitCode.OK, flushed.exitCode, flushed.toString());

        assertEquals(1, sentFolderCount());
        assertEquals("[]", envoi("outbox", "--json").out.strip());
    }

    @Test
    void anImapLoginRefusedLeavesTheMailSentAndTheOutboxSaysWhyTheCopyFailed() throws Exception {
        try (ImapFront refusing = new ImapFront(mail.getImap().getPort()).refuseLogin()) {
            assertEquals(ExitCode.OK, addAccount(refusing.port()).exitCode);
            CommandLineRun sent = send("no copy");
            assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
            envoi("outbox", "--flush", "--wait=30");

            String json = envoi("outbox", "--json").out;
            assertTrue(json.contains("\"state\":\"SENT\",\"subject\":\"no copy\""), json);
            assertTrue(json.contains("\"sentCopy\":\"failed\""), json);
            assertTrue(json.contains("refused the login of emile"), json);
            String table = envoi("outbox").out;
            assertTrue(table.contains("copy for the server's Sent folder: failed"), table);
            assertEquals(0, sentFolderCount());
        }
        // The user corrects the IMAP server (here: the front goes away, the real server answers).
        try (SqliteMessageStore store = SqliteMessageStore.open(home.resolve("profile"))) {
            store.imapSettings().put("work", new ImapSettings(new ImapServer("127.0.0.1", mail.getImap().getPort(),
                    SmtpSecurity.NONE), true, ""));
        }
        CommandLineRun retried = envoi("outbox", "--retry-copies", "--flush", "--wait=30");
        assertEquals(ExitCode.OK, retried.exitCode, retried.toString());
        assertTrue(retried.err.contains("1 failed copy for the servers' Sent folders will be tried again"), retried.err);
        assertEquals(1, sentFolderCount());
        assertEquals("[]", envoi("outbox", "--json").out.strip());
    }

    @Test
    void gmailFilesSentMailItselfSoNoCopyIsMadeByDefault() {
        env.put("ENVOI_SMTP_PASSWORD", "app-password");
        CommandLineRun added = envoi("account", "add", "gmail", "--address", "emile@gmail.com", "--host",
                "smtp.gmail.com", "--security", "tls", "--user", "emile@gmail.com", "--password-store", "file",
                "--imap-host", "imap.gmail.com");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        assertTrue(added.err.contains("this provider files sent mail itself"), added.err);
        String listed = envoi("account", "list", "--json").out;
        assertTrue(listed.contains("\"imap\":{\"host\":\"imap.gmail.com\",\"port\":993,\"security\":\"tls\","
                + "\"sentCopy\":false"), listed);
    }

    @Test
    void imapOptionsNeedAnImapHostAndALogin() {
        CommandLineRun orphan = envoi("account", "add", "x", "--address", "me@example.org", "--host", "127.0.0.1",
                "--security", "none", "--imap-port", "143");
        assertEquals(ExitCode.BAD_INPUT, orphan.exitCode, orphan.toString());
        assertTrue(orphan.err.contains("--imap-port goes with --imap-host"), orphan.err);
        CommandLineRun noLogin = envoi("account", "add", "y", "--address", "me@example.org", "--host", "127.0.0.1",
                "--security", "none", "--imap-host", "127.0.0.1");
        assertEquals(ExitCode.BAD_INPUT, noLogin.exitCode, noLogin.toString());
        assertTrue(noLogin.err.contains("this account has none"), noLogin.err);
    }

    @Test
    void accountTestAlsoTestsTheImapServerStepByStep() {
        CommandLineRun added = addAccount(mail.getImap().getPort());
        assertEquals(ExitCode.OK, added.exitCode, added.toString());

        CommandLineRun tested = envoi("account", "test", "work");

        assertEquals(ExitCode.OK, tested.exitCode, tested.toString());
        assertTrue(tested.out.contains("\nimap connect: ok — reached 127.0.0.1:" + mail.getImap().getPort()), tested.out);
        assertTrue(tested.out.contains("\nimap tls: skipped — not used: account work reaches its IMAP server unencrypted"),
                tested.out);
        assertTrue(tested.out.contains("\nimap login: ok — logged in to IMAP as emile"), tested.out);
        assertTrue(tested.err.contains("; IMAP: connect and login succeeded"), tested.err);
    }

    @Test
    void accountTestSaysWhenTheImapServerRefusesTheLoginThatSmtpTakes() throws Exception {
        try (ImapFront refusing = new ImapFront(mail.getImap().getPort()).refuseLogin()) {
            CommandLineRun added = addAccount(refusing.port());
            assertEquals(ExitCode.OK, added.exitCode, added.toString());

            CommandLineRun tested = envoi("account", "test", "work");

            assertEquals(ExitCode.FAILURE, tested.exitCode, tested.toString());
            assertTrue(tested.out.contains("\nlogin: ok — logged in as emile"), tested.out);
            assertTrue(tested.out.contains("\nimap connect: ok"), tested.out);
            assertTrue(tested.out.contains("\nimap login: FAILED — the IMAP server refused the login of emile"),
                    tested.out);
            assertTrue(tested.err.contains("failed at IMAP login"), tested.err);
        }
    }

    @Test
    void anImapUserGivenOnTheCommandLineIsKeptTestedAndGetsTheCopy() throws Exception {
        mail.setUser("archive@example.org", "emile-imap", PASSWORD);
        CommandLineRun added = addAccount(mail.getImap().getPort(), "--imap-user", "emile-imap");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        assertTrue(added.err.contains("(IMAP user emile-imap)"), added.err);
        String listed = envoi("account", "list", "--json").out;
        assertTrue(listed.contains("\"sentFolder\":null,\"user\":\"emile-imap\"}"), listed);

        CommandLineRun tested = envoi("account", "test", "work");
        assertEquals(ExitCode.OK, tested.exitCode, tested.toString());
        assertTrue(tested.out.contains("\nlogin: ok — logged in as emile"), tested.out);
        assertTrue(tested.out.contains("\nimap login: ok — logged in to IMAP as emile-imap"), tested.out);

        assertEquals(ExitCode.OK, send("filed for the IMAP user").exitCode);
        CommandLineRun flushed = envoi("outbox", "--flush", "--wait=30");
        assertEquals(ExitCode.OK, flushed.exitCode, flushed.toString());
        assertEquals(1, sentFolderCount("emile-imap"));
        assertEquals(0, sentFolderCount(), "not in the SMTP login's mailbox");
    }

    @Test
    void aBadImapUserIsRefusedWithWhy() {
        CommandLineRun blank = addAccount(mail.getImap().getPort(), "--imap-user", " ");
        assertEquals(ExitCode.BAD_INPUT, blank.exitCode, blank.toString());
        assertTrue(blank.err.contains("--imap-user: give a user name"), blank.err);
        CommandLineRun control = addAccount(mail.getImap().getPort(), "--imap-user", "emile\r\nA1 DELETE INBOX");
        assertEquals(ExitCode.BAD_INPUT, control.exitCode, control.toString());
        assertTrue(control.err.contains("--imap-user: \"emile"), control.err);
        assertTrue(control.err.contains("control character"), control.err);
        CommandLineRun orphan = envoi("account", "add", "x", "--address", "me@example.org", "--host", "127.0.0.1",
                "--security", "none", "--imap-user", "someone");
        assertEquals(ExitCode.BAD_INPUT, orphan.exitCode, orphan.toString());
        assertTrue(orphan.err.contains("--imap-user goes with --imap-host"), orphan.err);
        assertTrue(envoi("account", "list", "--json").out.strip().equals("[]"), "nothing half-added");
    }

    private CommandLineRun addAccount(int imapPort, String... more) {
        env.put("ENVOI_SMTP_PASSWORD", PASSWORD);
        String[] args = Stream.concat(Stream.of("account", "add", "work", "--address", "Émile <emile@example.org>",
                "--host", "127.0.0.1", "--port", Integer.toString(mail.getSmtp().getPort()), "--security", "none",
                "--user", "emile", "--password-store", "file", "--default", "--imap-host", "127.0.0.1",
                "--imap-port", Integer.toString(imapPort), "--imap-security", "none"), Stream.of(more))
                .toArray(String[]::new);
        CommandLineRun run = envoi(args);
        env.remove("ENVOI_SMTP_PASSWORD");
        return run;
    }

    private CommandLineRun send(String subject) {
        return envoi("send", "--to", "jane@example.org", "--bcc", "hidden@example.org", "--subject", subject,
                "--body", "Bonjour", "--undo-seconds", "0", "--wait=30");
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", home.resolve("profile").toString()))
                .toArray(String[]::new);
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(), Map.copyOf(env), withProfile);
    }

    private int sentFolderCount() throws Exception {
        return sentFolderCount("emile");
    }

    private int sentFolderCount(String user) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "10000");
        try (Store reader = Session.getInstance(properties).getStore("imap")) {
            reader.connect("127.0.0.1", mail.getImap().getPort(), user, PASSWORD);
            Folder sent = reader.getFolder("Sent");
            return sent.exists() ? sent.getMessageCount() : 0;
        }
    }
}
