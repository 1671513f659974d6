package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.Accounts;
import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.OutboxState;
import dev.envoi.message.Recipient;
import dev.envoi.store.Drafts;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.UnableToAbortException;
import dev.envoi.transport.FaultSmtpServer.Reset;
import dev.envoi.transport.FaultSmtpServer.Stage;
import dev.envoi.transport.FaultSmtpServer.Stall;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every answer a server can give, from a real socket, through the real spooler and store. */
@Timeout(30)
class SmtpFaultTest {

    static final SmtpTimeouts QUICK = new SmtpTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500),
            Duration.ofMillis(1500), Duration.ofMillis(2000));

    @TempDir
    Path profile;
    private FaultSmtpServer server;
    private SpoolHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
        harness = new SpoolHarness(profile);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        server.close();
    }

    private void start(Account account) {
        harness.start(new SmtpTransport(account, a -> Optional.empty(), QUICK, ServerTrust.system()));
    }

    private void start() {
        start(Accounts.loopback("fault", server.port()));
    }

    @ParameterizedTest(name = "{1} at {0}: {2}")
    @CsvSource({
        "GREETING,    421 4.3.2 Service not available,       RETRYING",
        "GREETING,    554 5.3.2 No SMTP service here,         DRAFTS",
        "MAIL,        421 4.3.2 Shutting down,               RETRYING",
        "MAIL,        451 4.3.0 Try again later,             RETRYING",
        "MAIL,        452 4.3.1 Insufficient storage,        RETRYING",
        "MAIL,        550 5.7.1 Sender rejected,             DRAFTS",
        "MAIL,        552 5.3.4 Message too big for system,  DRAFTS",
        "RCPT,        421 4.3.2 Shutting down,               RETRYING",
        "RCPT,        451 4.3.0 Greylisted,                  RETRYING",
        "RCPT,        452 4.5.3 Too many recipients,         RETRYING",
        "RCPT,        550 5.1.1 No such user,                DRAFTS",
        "RCPT,        554 5.7.1 Relay access denied,         DRAFTS",
        "DATA,        421 4.3.2 Shutting down,               RETRYING",
        "DATA,        451 4.3.0 Try again later,             RETRYING",
        "DATA,        554 5.5.1 No valid recipients,         DRAFTS",
        "END_OF_DATA, 451 4.3.0 Queue write error,           RETRYING",
        "END_OF_DATA, 452 4.3.1 Insufficient storage,        RETRYING",
        "END_OF_DATA, 552 5.3.4 Message too big,             DRAFTS",
        "END_OF_DATA, 554 5.6.0 Message content rejected,    DRAFTS",
    })
    void everyReplyIsMappedToRetryOrDrafts(Stage stage, String reply, String expected) {
        server.reply(stage, reply);
        start();
        EntryId id = harness.submit(Drafts.simple("stage " + stage));
        MessageFate fate = harness.awaitOutcome(id);
        String code = reply.substring(0, 3);
        if (expected.equals("RETRYING")) {
            assertEquals(Folder.OUTBOX, fate.folder(), fate.toString());
            OutboxEntry entry = harness.entry(id);
            assertEquals(OutboxState.RETRYING, entry.state());
            assertEquals(1, entry.attempts());
            assertTrue(entry.lastError().contains(code), entry.lastError());
            assertTrue(entry.lastError().contains("tried again"), entry.lastError());
            assertTrue(harness.store.canAbort(id), "a retrying message can still be cancelled");
        } else {
            assertEquals(Folder.DRAFTS, fate.folder(), fate.toString());
            assertTrue(fate.reason().contains(reply.substring(4)), fate.reason());
            assertTrue(fate.reason().contains(code), fate.reason());
            Draft back = harness.draft(fate);
            assertTrue(back.flags().has(MessageFlag.UNSENT));
            assertFalse(back.flags().has(MessageFlag.SUBMIT));
        }
        assertTrue(server.messages.isEmpty() || stage == Stage.END_OF_DATA, "no message completed");
    }

    @Test
    void queuedMessagesShareOneConnection() {
        start();
        List<EntryId> ids = List.of(harness.submit(Drafts.simple("one")), harness.submit(Drafts.simple("two")),
                harness.submit(Drafts.simple("three")));
        for (EntryId id : ids) {
            assertEquals(Folder.SENT, harness.awaitOutcome(id).folder());
        }
        assertEquals(1, server.connections.get());
        assertEquals(3, server.messages.size());
    }

    @Test
    void someRecipientsRefusedMeansNothingIsSentAndTheRefusedAreNamed() {
        server.refuseRecipient("ghost@example.org", "550 5.1.1 <ghost@example.org>: Recipient address rejected");
        start();
        DraftContent content = Drafts.simple("two recipients").withRecipients(List.of(
                Recipient.to("jane@example.org"), Recipient.to("ghost@example.org")));
        MessageFate fate = harness.awaitOutcome(harness.submit(content));
        assertEquals(Folder.DRAFTS, fate.folder());
        assertTrue(fate.reason().contains("ghost@example.org"), fate.reason());
        assertTrue(fate.reason().contains("Nobody got the message"), fate.reason());
        assertEquals(List.of(MailAddress.of("ghost@example.org")), harness.draft(fate).refusedRecipients());
        assertFalse(server.saw("DATA"), "no data after a refused recipient");
        assertTrue(server.messages.isEmpty());
    }

    @Test
    void withPartialDeliveryTheAcceptedRecipientsGetItAndTheReplyNamesTheOthers() {
        server.refuseRecipient("ghost@example.org", "550 5.1.1 No such user");
        Account loopback = Accounts.loopback("partial", server.port());
        start(new Account(loopback.name(), loopback.identity(), loopback.host(), loopback.port(), loopback.security(),
                "", loopback.auth(), 0, true, true, false, "", false));
        DraftContent content = Drafts.simple("partial").withRecipients(List.of(
                Recipient.to("jane@example.org"), Recipient.to("ghost@example.org")));
        EntryId id = harness.submit(content);
        MessageFate fate = harness.awaitOutcome(id);
        assertEquals(Folder.SENT, fate.folder(), fate.toString());
        assertEquals(1, server.messages.size());
        assertTrue(fate.reason().startsWith("250"), fate.reason());
        assertTrue(fate.reason().contains("not delivered to ghost@example.org"), fate.reason());
        assertFalse(server.commandsStartingWith("RCPT").isEmpty());
    }

    @Test
    void aResetBeforeTheEndOfDataIsTransient() throws Exception {
        server.resetAfterDataBytes(20_000);
        start();
        // Larger than the socket buffers, so the reset arrives while the data is still being written.
        EntryId id = harness.submit(withAttachment("reset before", 6_000_000));
        MessageFate fate = harness.awaitOutcome(id);
        assertEquals(Folder.OUTBOX, fate.folder());
        OutboxEntry entry = harness.entry(id);
        assertEquals(OutboxState.RETRYING, entry.state());
        assertEquals(1, entry.attempts());
        assertTrue(entry.lastError().contains("broke off before the end of the message"), entry.lastError());
        assertTrue(server.messages.isEmpty());
    }

    @Test
    void aResetAfterTheEndOfDataIsUncertainAndNeverCancellable() {
        server.at(Stage.END_OF_DATA, new Reset());
        start();
        EntryId id = harness.submit(Drafts.simple("reset after"));
        MessageFate fate = harness.awaitOutcome(id);
        OutboxEntry entry = harness.entry(id);
        assertEquals(OutboxState.UNCERTAIN, entry.state(), fate.toString());
        assertEquals(1, entry.attempts());
        assertTrue(entry.lastError().contains("Delivery uncertain"), entry.lastError());
        assertTrue(entry.lastError().contains("will not be sent again"), entry.lastError());
        assertFalse(harness.store.canAbort(id));
        assertEquals(1, server.messages.size(), "the server did get it whole: this is why it is uncertain");
    }

    @Test
    void noReplyToTheEndOfDataIsUncertainAfterTheLongestWait() throws Exception {
        server.at(Stage.END_OF_DATA, new Stall());
        start();
        long started = System.nanoTime();
        EntryId id = harness.submit(Drafts.simple("stall after"));
        while (server.messages.isEmpty()) {
            Thread.sleep(10);
        }
        assertFalse(harness.store.canAbort(id), "the hand-off was recorded before the server had the end of data");
        assertThrows(UnableToAbortException.class, () -> harness.store.abortSubmit(id));
        harness.awaitOutcome(id);
        OutboxEntry entry = harness.entry(id);
        assertEquals(OutboxState.UNCERTAIN, entry.state());
        assertTrue(entry.lastError().contains("no reply came within 2 s"), entry.lastError());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1900,
                "waited the end-of-data timeout, longer than the command timeout");
    }

    @Test
    void aStallInTheMiddleOfTheDataEndsInTheWriteTimeoutAndIsTransient() throws Exception {
        server.stallAfterDataBytes(100_000);
        start();
        EntryId id = harness.submit(withAttachment("stall mid-data", 12_000_000));
        harness.awaitOutcome(id);
        OutboxEntry entry = harness.entry(id);
        assertEquals(OutboxState.RETRYING, entry.state());
        assertTrue(entry.lastError().contains("broke off"), entry.lastError());
        assertTrue(entry.lastError().contains("took no data for 1500 ms (write timeout)"), entry.lastError());
        assertTrue(server.messages.isEmpty());
    }

    @Test
    void aServerThatClosesTheKeptConnectionBetweenMessagesCostsNoRetry() throws Exception {
        harness.start(new SmtpTransport(Accounts.loopback("fault", server.port()), a -> Optional.empty(), QUICK,
                ServerTrust.system(), Duration.ofHours(1)));
        assertEquals(Folder.SENT, harness.awaitOutcome(harness.submit(Drafts.simple("first"))).folder());
        server.dropConnections(false);
        MessageFate second = harness.awaitOutcome(harness.submit(Drafts.simple("second")));
        assertEquals(Folder.SENT, second.folder(), "sent on a fresh connection, never reported failed: " + second);
        assertEquals(2, server.messages.size());
        assertEquals(2, server.connections.get());
    }

    @Test
    void aMessageOverTheServersSizeIsRefusedBeforeAnyDataWithBothSizes() throws Exception {
        server.advertise("SIZE 50000");
        start();
        MessageFate fate = harness.awaitOutcome(harness.submit(withAttachment("too big", 80_000)));
        assertEquals(Folder.DRAFTS, fate.folder());
        assertTrue(fate.reason().contains("accepts at most 48.8 KiB (50000 bytes)"), fate.reason());
        assertTrue(fate.reason().matches(".*the message is [0-9.]+ KiB \\(\\d+ bytes\\).*"), fate.reason());
        assertFalse(server.saw("MAIL"), "refused before MAIL FROM");
    }

    @Test
    void aMessageWithinTheSizeDeclaresItInMailFrom() {
        server.advertise("SIZE 10000000");
        start();
        MessageFate fate = harness.awaitOutcome(harness.submit(Drafts.simple("fits")));
        assertEquals(Folder.SENT, fate.folder());
        String mail = server.commandsStartingWith("MAIL").get(0);
        int declared = Integer.parseInt(mail.replaceAll(".*SIZE=(\\d+).*", "$1"));
        assertTrue(Math.abs(declared - server.messages.get(0).length) < 200, mail + " vs " + server.messages.get(0).length);
        assertTrue(mail.contains("BODY=8BITMIME"), mail);
    }

    @Test
    void cancelDuringASlowUploadStopsBeforeTheEndOfDataAndTheMessageIsBackInDrafts() throws Exception {
        server.slowReader(4);
        start();
        EntryId id = harness.submit(withAttachment("large upload", 3_000_000));
        assertTrue(server.awaitDataStarted(10));
        Thread.sleep(300);
        EntryId draft = harness.store.abortSubmit(id);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.partialDataBytes.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.partialDataBytes.get() > 0, "the server saw the connection end in the middle of the data");
        assertTrue(server.messages.isEmpty(), "the server never saw the end-of-data marker");
        MessageFate fate = harness.store.fate(id).orElseThrow();
        assertEquals(Folder.DRAFTS, fate.folder());
        assertEquals(draft, fate.currentId());
        Draft back = harness.store.openDraft(draft);
        assertEquals("large upload", back.content().subject());
        assertTrue(back.flags().has(MessageFlag.UNSENT));
    }

    private DraftContent withAttachment(String subject, int size) {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Attachment attachment = harness.store.importAttachment("data.bin", new ByteArrayInputStream(data));
        return Drafts.simple(subject).withAttachments(List.of(attachment));
    }
}
