package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.EntryId;
import dev.envoi.store.Folder;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.FaultSmtpServer.Stage;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a new user types it: common options before the command, a refused message
 * followed from the outbox to Drafts and sent again, the default sender --help names.
 */
@Timeout(60)
class CommandLineForgivesTest {

    private static final Pattern BACK_AS = Pattern.compile("back in Drafts as ([a-z0-9]{20})");

    @TempDir
    Path home;

    private String profile() {
        return home.resolve("profile").toString();
    }

    private CommandLineRun envoi(String... args) {
        return CommandLineRun.withEnvironment(home, Clock.systemDefaultZone(),
                Map.of("USER", "tester", "ENVOI_KEYRING", "off"), args);
    }

    @Test
    void theProfileAndDebugOptionsMayComeBeforeTheCommand() {
        CommandLineRun outbox = envoi("--profile", profile(), "outbox");
        assertEquals(ExitCode.OK, outbox.exitCode, outbox.toString());
        assertTrue(outbox.out.contains("The outbox is empty."), outbox.out);

        CommandLineRun added = envoi("--profile=" + profile(), "--debug", "account", "add", "local",
                "--address", "me@example.org", "--sendmail=/bin/true");
        assertEquals(ExitCode.OK, added.exitCode, added.toString());
        CommandLineRun list = envoi("account", "--profile", profile(), "list", "--json");
        assertTrue(list.out.contains("\"name\":\"local\""), list.toString());

        CommandLineRun sent = envoi("--profile", profile(), "send", "--to", "jane@example.org", "--undo-seconds", "60");
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        assertEquals(ExitCode.OK, envoi("--profile", profile(), "cancel", sent.out.strip()).exitCode);
    }

    @Test
    void thePinConfirmationSaysWhatIsTrusted() {
        assertEquals(ExitCode.OK, envoi("--profile", profile(), "account", "add", "home", "--address",
                "me@example.org", "--host", "mail.example.org", "--security", "tls").exitCode);
        String sha = "ab".repeat(32);
        CommandLineRun pinned = envoi("--profile", profile(), "account", "pin", "home", sha);
        assertEquals(ExitCode.OK, pinned.exitCode, pinned.toString());
        assertTrue(pinned.err.contains("account home now trusts the certificate " + sha + ", exactly that one, as "
                + "well as those an authority this computer trusts signs for mail.example.org"), pinned.err);
        assertFalse(pinned.err.contains("any its"), pinned.err);
    }

    @Test
    void aCommandAfterAWindowOptionIsNamedAsTheProblem() {
        CommandLineRun run = envoi("--lang", "fr", "--profile", profile(), "outbox");
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("\"outbox\" is a command: only --profile and --debug may come before it"), run.err);
        assertFalse(run.err.contains("unknown command"), run.err);

        CommandLineRun json = envoi("--theme", "dark", "outbox", "--json");
        assertEquals(ExitCode.BAD_INPUT, json.exitCode, json.toString());
        assertTrue(json.err.contains("unknown option --json") && json.err.contains("\"outbox\" is a command"), json.err);
    }

    @Test
    void helpNamesTheSenderAMessageGetsWithoutFrom() throws Exception {
        CommandLineRun help = envoi("--help");
        assertTrue(help.out.contains("tester@localhost"), help.out);
        assertFalse(help.out.contains("you@localhost"), help.out);

        CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--undo-seconds", "0", "--wait=30",
                "--profile", profile());
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        Path eml;
        try (Stream<Path> files = Files.list(Path.of(profile(), ProfileServices.PICKUP_FOLDER))) {
            eml = files.filter(f -> f.toString().endsWith(".eml")).findFirst().orElseThrow();
        }
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            assertEquals("tester@localhost", ((InternetAddress) message.getFrom()[0]).getAddress());
        }
    }

    @Test
    void aRefusedMessageIsFollowedIntoDraftsAndSentAgainFromThere() throws Exception {
        try (FaultSmtpServer server = new FaultSmtpServer()) {
            server.reply(Stage.RCPT, "550 5.1.1 mailbox unavailable");
            assertEquals(ExitCode.OK, envoi("account", "add", "work", "--address", "emile@example.org",
                    "--host", "127.0.0.1", "--port", Integer.toString(server.port()), "--security", "none",
                    "--default", "--profile", profile()).exitCode);
            CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--subject", "Again",
                    "--undo-seconds", "0", "--profile", profile());
            EntryId queued = EntryId.parseOrNull(sent.out.strip());

            CommandLineRun flush = envoi("--profile", profile(), "outbox", "--flush", "--wait=30");
            Matcher back = BACK_AS.matcher(flush.err);
            assertTrue(back.find(), "the flush names the id the message has in Drafts: " + flush);
            EntryId draft = EntryId.parseOrNull(back.group(1));
            assertNotEquals(queued, draft);
            assertTrue(flush.err.contains(queued + ": Not sent: ") && flush.err.contains("550 5.1.1 mailbox unavailable"), flush.err);
            assertTrue(flush.err.contains("the outbox is empty; 1 refused message(s) back in Drafts"), flush.err);

            CommandLineRun listed = envoi("outbox", "--profile", profile());
            String[] sections = listed.out.split("Refused, back in Drafts", 2);
            assertTrue(sections[0].contains("The outbox is empty."), "as the Outbox tab: " + listed.out);
            assertTrue(sections.length == 2 && sections[1].contains(draft.value()), "as the Drafts tab: " + listed.out);

            CommandLineRun stale = envoi("send", "--draft", queued.value(), "--profile", profile());
            assertEquals(ExitCode.BAD_INPUT, stale.exitCode, stale.toString());
            assertTrue(stale.err.contains("in drafts as " + draft), stale.err);
            CommandLineRun edited = envoi("send", "--draft", draft.value(), "--subject", "x", "--profile", profile());
            assertEquals(ExitCode.BAD_INPUT, edited.exitCode, edited.toString());
            assertTrue(edited.err.contains("--subject cannot go with --draft"), edited.err);

            server.clearFaults();
            CommandLineRun again = envoi("send", "--draft", draft.value(), "--undo-seconds", "0", "--wait=30",
                    "--profile", profile());
            assertEquals(ExitCode.OK, again.exitCode, again.toString());
            EntryId resent = EntryId.parseOrNull(again.out.strip());
            assertTrue(again.err.contains("the draft " + draft + " is in the outbox as " + resent), again.err);
            assertEquals(1, server.kept().size());
            MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(server.kept().get(0)));
            assertEquals("Again", received.getSubject());
            try (SqliteMessageStore store = SqliteMessageStore.open(Path.of(profile()))) {
                assertEquals(Folder.SENT, store.fate(resent).orElseThrow().folder());
                assertTrue(store.drafts().isEmpty(), "nothing left in Drafts");
            }
            assertTrue(envoi("outbox", "--profile", profile()).out.strip().equals("The outbox is empty."));
        }
    }
}
