package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.EntryId;
import dev.envoi.store.Folder;
import dev.envoi.store.SqliteMessageStore;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class SendCommandTest {

    @TempDir
    Path home;

    private Path profile() {
        return home.resolve("profile");
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.of(home, withProfile);
    }

    @Test
    void sendWaitWritesTheMessageIntoThePickupFolder() throws Exception {
        Path report = Files.writeString(home.resolve("rapport été.txt"), "chiffres");
        CommandLineRun run = envoi("send", "--to", "\"Doe, Jane\" <jane@example.org>, bob@example.com",
                "--cc=carol@example.org", "--bcc", "dave@example.org", "--from", "Émile <emile@example.org>",
                "--subject", "Réunion – 予定", "--body", "Bonjour\nà tous", "--attach", report.toString(),
                "--undo-seconds", "0", "--wait=30");

        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertTrue(EntryId.parseOrNull(run.out.strip()) != null, "prints the queued id: " + run.out);
        assertTrue(run.err.contains("handed off"), run.err);
        MimeMessage eml = onlyEml();
        assertEquals("Réunion – 予定", eml.getSubject());
        assertEquals(2, eml.getRecipients(Message.RecipientType.TO).length);
        assertEquals("Doe, Jane", ((InternetAddress) eml.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        assertEquals(null, eml.getRecipients(Message.RecipientType.BCC));
        Multipart parts = (Multipart) eml.getContent();
        assertEquals("rapport été.txt", parts.getBodyPart(1).getFileName());
    }

    @Test
    void withoutWaitTheMessageIsQueuedAndCanBeCancelled() throws Exception {
        CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--subject", "oops", "--undo-seconds", "60");
        assertEquals(ExitCode.OK, sent.exitCode, sent.toString());
        String id = sent.out.strip();

        CommandLineRun cancelled = envoi("cancel", id);
        assertEquals(ExitCode.OK, cancelled.exitCode, cancelled.toString());
        EntryId draftId = EntryId.parseOrNull(cancelled.out.strip());
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            assertEquals("oops", store.openDraft(draftId).content().subject());
            assertTrue(store.outbox().isEmpty());
        }
        assertEquals(ExitCode.NOT_IN_QUEUE, envoi("cancel", id).exitCode, "a second cancel finds nothing");
        assertFalse(Files.exists(profile().resolve("pickup")) && hasEml());
    }

    @Test
    void aWaitingSendSaysSoWhenTheMessageIsCancelledFromAnotherTerminal() throws Exception {
        java.util.concurrent.CompletableFuture<CommandLineRun> waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> envoi("send", "--to", "jane@example.org", "--undo-seconds", "30", "--wait=30"));
        EntryId queued = null;
        for (int i = 0; i < 200 && queued == null; i++) {
            Thread.sleep(50);
            if (Files.exists(profile().resolve("envoi.db"))) {
                try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
                    queued = store.outbox().stream().findFirst().map(e -> e.id()).orElse(null);
                }
            }
        }
        assertEquals(ExitCode.OK, envoi("cancel", String.valueOf(queued)).exitCode);
        CommandLineRun run = waiting.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(ExitCode.FAILURE, run.exitCode, run.toString());
        assertTrue(run.err.contains("cancelled: the message is back in Drafts"), run.err);
        assertFalse(run.err.contains("refused"), run.err);
    }

    @Test
    void cancellingAHandedOffMessageIsTooLate() throws Exception {
        CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--undo-seconds", "0", "--wait");
        EntryId queued = EntryId.parseOrNull(sent.out.strip());
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            assertEquals(Folder.SENT, store.fate(queued).orElseThrow().folder());
        }
        CommandLineRun cancel = envoi("cancel", queued.value());
        assertEquals(ExitCode.NOT_IN_QUEUE, cancel.exitCode, "sent and moved: nothing in the queue");
    }

    @Test
    void outboxJsonListsQueuedMessages() {
        envoi("send", "--to", "jane@example.org", "--subject", "a \"quoted\" subject\twith tab", "--undo-seconds", "60");
        CommandLineRun run = envoi("outbox", "--json");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        String json = run.out.strip();
        assertTrue(json.startsWith("[{\"id\":\""), json);
        assertTrue(json.contains("\"state\":\"QUEUED\""), json);
        assertTrue(json.contains("\"subject\":\"a \\\"quoted\\\" subject\\twith tab\""), json);
        assertTrue(json.contains("\"to\":[\"jane@example.org\"]"), json);
        assertTrue(json.contains("\"attempts\":0"), json);
        assertTrue(json.matches(".*\"messageId\":\"<[^\"]+@localhost>\".*"), json);
    }

    @Test
    void flushSendsWhatWasQueuedOnceItsUndoWindowEnds() throws Exception {
        envoi("send", "--to", "jane@example.org", "--undo-seconds", "1");
        CommandLineRun flush = envoi("outbox", "--flush", "--wait=20");
        assertEquals(ExitCode.OK, flush.exitCode, flush.toString());
        assertTrue(hasEml());
        assertEquals("The outbox is empty.", envoi("outbox").out.strip());
    }

    @Test
    void flushLeavesASendLaterMessageForItsTime() throws Exception {
        String later = java.time.OffsetDateTime.now().plusDays(2).withNano(0).toString();
        envoi("send", "--to", "jane@example.org", "--subject", "birthday", "--send-at", later);
        CommandLineRun flush = envoi("outbox", "--flush", "--wait=20");
        assertEquals(ExitCode.OK, flush.exitCode, flush.toString());
        assertTrue(flush.err.contains("1 message(s) left"), flush.err);
        assertFalse(hasEml(), "not sent two days early");
        assertTrue(envoi("outbox", "--json").out.contains("\"state\":\"QUEUED\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "send --subject hi|no recipient",
            "send --to|--to needs a value",
            "send --to jane@|no domain follows the @",
            "send --to jane@example.org --colour blue|unknown option --colour",
            "send --to jane@example.org --undo-seconds 61|not between 0 and 60",
            "send --to jane@example.org --undo-seconds soon|not a whole number",
            "send --to jane@example.org --send-at 2001-01-01T00:00Z|not in the future",
            "send --to jane@example.org --send-at tomorrow|not an ISO-8601 time",
            "send --to jane@example.org --body x --body-file y.txt|cannot be used together",
            "send --to jane@example.org --body-file /no/such/file.txt|no such file",
            "send --to jane@example.org --attach /no/such/photo.jpg|no such file",
            "send --to jane@example.org --subject a --subject b|given twice",
            "send --to jane@example.org --wait=forever|not a whole number",
            "send --to jane@example.org --account work|no account is named",
            "send --to jane@example.org stray|unexpected argument",
            "send mailto:jane@example.org?subject=%ZZ|invalid % escape",
            "cancel|one message id",
            "cancel ../../etc|not a message id",
            "outbox --wait=3|--wait goes with --flush",
            "frobnicate|unknown command",
            "send --to jane@example.org --undo-seconds 99999999999999999999|not between 0 and 60",
            "send --to jane@example.org --send-at +999999999-12-31T23:59:59Z|too far away",
            "send --to jane@example.org --send-at 2030-02-30T10:00|not an ISO-8601 time",
            "send mailto:a@example.org mailto:b@example.org|give one mailto: link",
            "send mailto:a@example.org?cc=bob|mailto cc: \"bob\"",
            "send --to jane@example.org --from a@example.org,b@example.org|give exactly one address",
            "send --to=|--to: no address given",
            "send --to jane@example.org --wait=1 --wait=2|given twice",
            "send --to jane@example.org --debug=yes|takes no value",
            "outbox --flush --wait=-1|out of range",
            "send --to jane@example.org --wait 30|--wait=30",
            "outbox --json extra|unexpected argument",
            "cancel aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb|one message id",
            "send --to jane@example.org --read-receipt=yes|--read-receipt takes no value",
            "send --to jane@example.org --notify-delivery --notify-delivery|--notify-delivery is given twice",
    })
    void badInputExitsTwoWithOneLineAndChangesNothing(String command, String words) throws Exception {
        CommandLineRun run = envoi(command.split(" "));
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains(words), run.err);
        assertEquals(1, run.err.strip().lines().count(), "one line: " + run.err);
        assertFalse(run.err.contains("Exception") || run.err.contains("--mailto"), "no stack trace: " + run.err);
        if (Files.exists(profile())) {
            try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
                assertTrue(store.outbox().isEmpty(), "nothing queued");
            }
        }
    }

    @Test
    void aRefusalOfTheStoreFollowsTheSystemLanguage() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            store.settings().setAttachmentSizeLimit(1024);
        }
        Path photo = Files.writeString(home.resolve("photo.jpg"), "x".repeat(5000));
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        CommandLineRun run;
        try {
            run = envoi("send", "--to", "jane@example.org", "--attach", photo.toString());
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertEquals("envoi: --attach: Impossible de joindre " + photo + " : il dépasse la limite de 1,0 Kio.",
                run.err.strip());
    }

    @Test
    void aFolderAsBodyFileOrAttachmentIsRefused() throws Exception {
        Path folder = Files.createDirectory(home.resolve("photos"));
        assertTrue(envoi("send", "--to", "a@example.org", "--attach", folder.toString()).err.contains("is a folder"));
        assertEquals(ExitCode.BAD_INPUT, envoi("send", "--to", "a@example.org", "--body-file", folder.toString()).exitCode);
    }

    @Test
    void devicesAreRefusedAsAttachmentsAndAnEndlessBodyFileIsCutShort() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero and /dev/null");
        CommandLineRun device = envoi("send", "--to", "a@example.org", "--attach", "/dev/null");
        assertEquals(ExitCode.BAD_INPUT, device.exitCode, device.toString());
        assertTrue(device.err.contains("/dev/null is not a regular file"), device.err);
        CommandLineRun endless = envoi("send", "--to", "a@example.org", "--body-file", "/dev/zero");
        assertEquals(ExitCode.BAD_INPUT, endless.exitCode, endless.toString());
        assertTrue(endless.err.contains("/dev/zero is larger than 10.0 MiB"), endless.err);
        assertFalse(Files.exists(profile()), "nothing created");
    }

    @Test
    void anEmptyProfileOrOneThatIsAFileIsBadInputAndTouchesNothing() throws Exception {
        CommandLineRun empty = CommandLineRun.of(home, "send", "--to", "a@example.org", "--profile=");
        assertEquals(ExitCode.BAD_INPUT, empty.exitCode, empty.toString());
        assertTrue(empty.err.contains("--profile needs a folder"), empty.err);

        Path file = Files.writeString(home.resolve("notes.txt"), "my notes");
        CommandLineRun notAFolder = CommandLineRun.of(home, "outbox", "--profile", file.toString());
        assertEquals(ExitCode.BAD_INPUT, notAFolder.exitCode, notAFolder.toString());
        assertTrue(notAFolder.err.contains(file + " is a file, not a folder"), notAFolder.err);
        assertEquals("my notes", Files.readString(file));
    }

    @Test
    void aSubjectTooLongForAMailHeaderIsRefusedNotCut() {
        CommandLineRun run = envoi("send", "--to", "a@example.org", "--subject", "x".repeat(999));
        assertEquals(ExitCode.BAD_INPUT, run.exitCode, run.toString());
        assertTrue(run.err.contains("--subject: the subject has 999 characters; at most 998"), run.err);
        CommandLineRun link = envoi("send", "mailto:a@example.org?subject=" + "y".repeat(1200));
        assertEquals(ExitCode.BAD_INPUT, link.exitCode, link.toString());
        assertTrue(link.err.contains("mailto subject: the subject has 1200 characters"), link.err);
    }

    @Test
    void aBodyFileAndASendAtTimeAreTakenAsGiven() throws Exception {
        Path body = Files.writeString(home.resolve("body.txt"), "Première ligne\nDeuxième — 予定\n");
        String at = java.time.OffsetDateTime.now().plusHours(3).withNano(0).toString();
        CommandLineRun run = envoi("send", "--to", "jane@example.org", "--body-file", body.toString(), "--send-at", at);
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        EntryId queued = EntryId.parseOrNull(run.out.strip());
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            assertEquals(java.time.OffsetDateTime.parse(at).toInstant(), store.outbox().get(0).dueAt());
            store.sendNow(queued);
        }
        assertEquals(ExitCode.OK, envoi("outbox", "--flush", "--wait=20").exitCode);
        assertEquals("Première ligne\nDeuxième — 予定\n", ((String) onlyEml().getContent()).replace("\r\n", "\n"));
    }

    @Test
    void aBodyFileThatIsNotUtf8IsRefused() throws Exception {
        Path latin1 = Files.write(home.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xe9});
        CommandLineRun run = envoi("send", "--to", "a@example.org", "--body-file", latin1.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exitCode);
        assertTrue(run.err.contains("not UTF-8 text"), run.err);
    }

    @Test
    void aProfileThatIsNotAnEnvoiDatabaseIsAClearFailure() throws Exception {
        Files.createDirectories(profile());
        Files.writeString(profile().resolve("envoi.db"), "not a database at all, sorry");
        CommandLineRun run = envoi("send", "--to", "a@example.org");
        assertEquals(ExitCode.FAILURE, run.exitCode);
        assertTrue(run.err.contains("is not an Envoi database"), run.err);
        assertFalse(run.err.contains("\tat "), "no stack trace");
    }

    @Test
    void aMailtoUriFillsTheMessageAndCannotInjectHeaders() throws Exception {
        CommandLineRun run = envoi("send", "mailto:jane@example.org?cc=bob@example.org&subject=Hi%0D%0ABcc:%20spy@evil.example"
                + "&body=Line%201%0D%0ALine%202&X-Evil=1", "--undo-seconds", "0", "--wait");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        MimeMessage eml = onlyEml();
        assertEquals("Hi Bcc: spy@evil.example", eml.getSubject());
        assertEquals(null, eml.getHeader("Bcc"));
        assertEquals(null, eml.getHeader("X-Evil"));
        assertEquals("bob@example.org", eml.getRecipients(Message.RecipientType.CC)[0].toString());
        assertEquals(List.of("Line 1", "Line 2"), ((String) eml.getContent()).lines().toList());
    }

    @Test
    void aReadReceiptAndADeliveryReportAreAskedFromTheCommandLine() throws Exception {
        CommandLineRun run = envoi("send", "--to", "jane@example.org", "--from", "Émile <emile@example.org>",
                "--read-receipt", "--notify-delivery", "--undo-seconds", "0", "--wait=30");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        String receiptTo = onlyEml().getHeader("Disposition-Notification-To", null);
        assertEquals("emile@example.org", InternetAddress.parseHeader(receiptTo, true)[0].getAddress(), receiptTo);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            EntryId sent = store.fate(EntryId.parseOrNull(run.out.strip())).orElseThrow().currentId();
            assertEquals(new DeliveryRequests(true, true), store.sentContent(sent).deliveryRequests(),
                    "the request is kept with the sent message");
        }
    }

    @Test
    void aFlagIsKeptThroughACancelAndWithoutFlagsNothingIsAsked() throws Exception {
        CommandLineRun sent = envoi("send", "--to", "jane@example.org", "--notify-delivery", "--undo-seconds", "60");
        CommandLineRun cancelled = envoi("cancel", sent.out.strip());
        assertEquals(ExitCode.OK, cancelled.exitCode, cancelled.toString());
        try (SqliteMessageStore store = SqliteMessageStore.open(profile())) {
            assertEquals(new DeliveryRequests(true, false),
                    store.openDraft(EntryId.parseOrNull(cancelled.out.strip())).content().deliveryRequests());
        }
        assertEquals(ExitCode.OK, envoi("send", "--to", "jane@example.org", "--undo-seconds", "0", "--wait=30").exitCode);
        assertEquals(null, onlyEml().getHeader("Disposition-Notification-To"));
    }

    @Test
    void helpPrintsUsage() {
        CommandLineRun run = CommandLineRun.of(home, "--help");
        assertEquals(ExitCode.OK, run.exitCode);
        assertTrue(run.out.contains("envoi send"));
        assertTrue(run.out.contains("--notify-delivery") && run.out.contains("--read-receipt"), run.out);
    }

    private boolean hasEml() throws Exception {
        Path pickup = profile().resolve("pickup");
        if (!Files.isDirectory(pickup)) {
            return false;
        }
        try (Stream<Path> files = Files.list(pickup)) {
            return files.anyMatch(p -> p.toString().endsWith(".eml"));
        }
    }

    private MimeMessage onlyEml() throws Exception {
        try (Stream<Path> files = Files.list(profile().resolve("pickup"))) {
            List<Path> emls = files.filter(p -> p.toString().endsWith(".eml")).toList();
            assertEquals(1, emls.size(), emls.toString());
            try (InputStream in = Files.newInputStream(emls.get(0))) {
                return new MimeMessage(Session.getInstance(new Properties()), in);
            }
        }
    }
}
