package dev.envoi.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import dev.envoi.store.Drafts;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.store.UnableToAbortException;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.TransferCancelledException;
import dev.envoi.transport.TransientFailureException;
import dev.envoi.transport.UncertainDeliveryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SpoolerTest {

    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), 0, new Random(1));

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private ScriptedTransport transport;
    private Spooler spooler;

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
        transport = new ScriptedTransport();
    }

    @AfterEach
    void tearDown() {
        if (spooler != null) {
            spooler.close();
        }
        store.close();
    }

    private void startSpooler() {
        spooler = new Spooler(store, transport, store::readAttachment, FAST_RETRY, Clock.systemUTC(),
                TransferProgress.NONE);
        spooler.start();
    }

    private EntryId submitNow(String subject) {
        return store.submit(Drafts.draft(subject), SubmitOptions.undo(Duration.ZERO));
    }

    @Test
    void aDueMessageIsHandedOffAndMovedToSent() {
        startSpooler();
        EntryId id = submitNow("hello");
        awaitFolder(id, Folder.SENT);
        assertEquals(1, transport.committed.size());
        assertEquals("hello", transport.committed.get(0).content().subject());
        assertEquals(1, store.sent().size());
    }

    @Test
    void aMessageWaitsForItsUndoWindow() {
        startSpooler();
        Instant before = Instant.now();
        EntryId id = store.submit(Drafts.draft("patience"), SubmitOptions.undo(Duration.ofMillis(600)));
        awaitFolder(id, Folder.SENT);
        assertTrue(Duration.between(before, Instant.now()).toMillis() >= 550, "sent before its due time");
    }

    @Test
    void cancelInsideTheUndoWindowSendsNothing() throws Exception {
        startSpooler();
        EntryId id = store.submit(Drafts.draft("oops"), SubmitOptions.undo(Duration.ofSeconds(1)));
        EntryId back = store.abortSubmit(id);
        Thread.sleep(1300);
        assertTrue(transport.committed.isEmpty());
        assertEquals("oops", store.openDraft(back).content().subject());
    }

    @Test
    void aTransientFailureIsRetriedUntilItWorks() {
        transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("421 try later")))
                .then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("connection refused")));
        startSpooler();
        EntryId id = submitNow("persistent");
        awaitFolder(id, Folder.SENT);
        assertEquals(1, transport.committed.size());
    }

    @Test
    void everyAttemptCarriesTheSameMessageId() {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScriptedTransport.Step failAndNote = (message, gate, committed) -> {
            seen.add(message.messageId());
            throw new TransientFailureException("421 try later");
        };
        transport.then(failAndNote).then(failAndNote).then((message, gate, committed) -> {
            seen.add(message.messageId());
            return ScriptedTransport.DELIVER.run(message, gate, committed);
        });
        startSpooler();
        EntryId id = submitNow("same id");
        awaitFolder(id, Folder.SENT);
        assertEquals(3, seen.size());
        assertEquals(1, seen.stream().distinct().count(), seen.toString());
        assertEquals(seen.get(0), store.sent().get(0).messageId());
    }

    @Test
    void theRetryLimitCountsFromTheFirstFailureNotFromTheSubmit() {
        // Sent later than the limit is long: a first failure must still be retried, not given up.
        store.settings().setRetryLimit(Duration.ofMillis(400));
        transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("network is down")));
        startSpooler();
        EntryId id = store.submit(Drafts.draft("sent later"),
                new SubmitOptions(java.util.Optional.empty(), java.util.Optional.of(Instant.now().plusMillis(700))));
        awaitFolder(id, Folder.SENT);
        assertEquals(1, transport.committed.size());
    }

    @Test
    void aRetryingMessageShowsAttemptsNextTimeAndLastError() {
        RetryPolicy slow = new RetryPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 0, new Random(1));
        transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("451 4.3.0 mailbox busy")));
        spooler = new Spooler(store, transport, store::readAttachment, slow, Clock.systemUTC(), TransferProgress.NONE);
        spooler.start();
        EntryId id = submitNow("busy");
        await(() -> entry(id).state() == OutboxState.RETRYING);
        OutboxEntry entry = entry(id);
        assertEquals(1, entry.attempts());
        assertEquals("451 4.3.0 mailbox busy", entry.lastError());
        assertTrue(entry.dueAt().isAfter(Instant.now().plus(Duration.ofMinutes(9))));
        assertTrue(store.canAbort(id), "a retrying message stays cancellable");
    }

    @Test
    void aPermanentRefusalComesBackToDraftsWithTheReason() {
        transport.then(ScriptedTransport.failBeforeHandOff(new PermanentFailureException("550 5.1.1 unknown user",
                List.of(MailAddress.of("jane@example.org")), null)));
        startSpooler();
        EntryId id = submitNow("refused");
        MessageFate fate = awaitFolder(id, Folder.DRAFTS);
        assertEquals("550 5.1.1 unknown user", fate.reason());
        Draft back = store.openDraft(fate.currentId());
        assertEquals(List.of(MailAddress.of("jane@example.org")), back.refusedRecipients());
        assertTrue(transport.committed.isEmpty());
    }

    @Test
    void afterTheRetryLimitTheMessageIsFailed() {
        store.settings().setRetryLimit(Duration.ofMillis(150));
        for (int i = 0; i < 20; i++) {
            transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("network is down")));
        }
        startSpooler();
        EntryId id = submitNow("never");
        await(() -> entry(id).state() == OutboxState.FAILED);
        assertTrue(entry(id).lastError().startsWith("Gave up after"), entry(id).lastError());
    }

    @Test
    void aFailingMessageDoesNotBlockTheOnesBehindIt() {
        RetryPolicy slow = new RetryPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 0, new Random(1));
        transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("421 busy")));
        EntryId first = submitNow("first, fails");
        EntryId second = submitNow("second");
        EntryId third = submitNow("third");
        spooler = new Spooler(store, transport, store::readAttachment, slow, Clock.systemUTC(), TransferProgress.NONE);
        spooler.start();
        awaitFolder(second, Folder.SENT);
        awaitFolder(third, Folder.SENT);
        assertEquals(OutboxState.RETRYING, entry(first).state());
    }

    @Test
    void aFailureAfterTheHandOffPointIsUncertainAndNeverResentAlone() throws Exception {
        transport.then(ScriptedTransport.failAfterHandOff(new UncertainDeliveryException("reset after end of data", null)));
        startSpooler();
        EntryId id = submitNow("unsure");
        await(() -> entry(id).state() == OutboxState.UNCERTAIN);
        assertThrows(UnableToAbortException.class, () -> store.abortSubmit(id));
        spooler.close();
        spooler = null;
        startSpooler();
        Thread.sleep(300);
        assertEquals(OutboxState.UNCERTAIN, entry(id).state());
        assertTrue(transport.committed.isEmpty());
    }

    @Test
    void anUnexpectedErrorAfterHandOffIsUncertain() {
        transport.then((message, gate, committed) -> {
            gate.handOff();
            throw new IllegalStateException("bug in the transport");
        });
        startSpooler();
        EntryId id = submitNow("bug");
        await(() -> entry(id).state() == OutboxState.UNCERTAIN);
    }

    @Test
    void cancelDuringTheTransferStopsItBeforeTheHandOff() throws Exception {
        CountDownLatch transferring = new CountDownLatch(1);
        transport.then((message, gate, committed) -> {
            transferring.countDown();
            while (true) {
                gate.checkNotCancelled();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        });
        startSpooler();
        EntryId id = submitNow("big upload");
        assertTrue(transferring.await(5, TimeUnit.SECONDS));
        EntryId back = store.abortSubmit(id);
        await(() -> store.fate(id).orElseThrow().folder() == Folder.DRAFTS);
        assertEquals("big upload", store.openDraft(back).content().subject());
        assertTrue(transport.committed.isEmpty());
    }

    @Test
    void aCancelFromAnotherProcessStopsTheTransferToo() throws Exception {
        CountDownLatch transferring = new CountDownLatch(1);
        transport.then((message, gate, committed) -> {
            transferring.countDown();
            while (true) {
                gate.checkNotCancelled();
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        });
        startSpooler();
        EntryId id = submitNow("cancelled from a terminal");
        assertTrue(transferring.await(5, TimeUnit.SECONDS));
        try (SqliteMessageStore otherProcess = SqliteMessageStore.open(profile)) {
            otherProcess.abortSubmit(id);
        }
        assertTrue(spooler.awaitIdle(Duration.ofSeconds(5)));
        assertTrue(transport.committed.isEmpty());
    }

    @Test
    void theHandOffRaceAlwaysHasExactlyOneWinner() throws Exception {
        startSpooler();
        int aborted = 0;
        int handedOff = 0;
        for (int i = 0; i < 60; i++) {
            EntryId id = submitNow("race " + i);
            Thread.sleep(i % 4);
            boolean abortWon;
            try {
                store.abortSubmit(id);
                abortWon = true;
            } catch (UnableToAbortException e) {
                abortWon = false;
            } catch (dev.envoi.store.NotInQueueException e) {
                abortWon = false; // already delivered and moved to Sent
            }
            assertTrue(spooler.awaitIdle(Duration.ofSeconds(5)));
            MessageFate fate = store.fate(id).orElseThrow();
            boolean committed = transport.committed.stream().anyMatch(m -> m.id().equals(id));
            if (abortWon) {
                aborted++;
                assertEquals(Folder.DRAFTS, fate.folder(), "aborted, so in Drafts");
                assertFalse(committed, "aborted, so never handed off");
            } else {
                handedOff++;
                assertEquals(Folder.SENT, fate.folder(), "abort refused, so sent");
                assertTrue(committed, "abort refused, so handed off");
            }
        }
        assertEquals(60, aborted + handedOff);
    }

    @Test
    void aDamagedAttachmentIsNeverSentAndTheMessageIsMarked() throws Exception {
        Path file = profile.resolve("report.pdf");
        Files.write(file, new byte[50_000]);
        Attachment attachment = store.importAttachment(file);
        EntryId id = store.submit(new Draft(Drafts.simple("with report").withAttachments(List.of(attachment))),
                SubmitOptions.undo(Duration.ofMillis(300)));
        Path vaultFile = profile.resolve("vault").resolve(attachment.sha256().substring(0, 2)).resolve(attachment.sha256());
        byte[] bytes = Files.readAllBytes(vaultFile);
        bytes[25_000] = 1;
        Files.write(vaultFile, bytes);
        startSpooler();
        await(() -> entry(id).state() == OutboxState.FAILED);
        assertTrue(entry(id).lastError().contains("report.pdf"), entry(id).lastError());
        assertTrue(transport.committed.isEmpty());
    }

    @Test
    void restartRecoveryRequeuesAMessageLockedByACrashedSpooler() {
        EntryId id = submitNow("crashed mid-transfer");
        store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow();
        startSpooler();
        awaitFolder(id, Folder.SENT);
        assertEquals(1, transport.committed.size());
    }

    @Test
    void aCancelledTransferIsNotCountedAsAFailure() {
        transport.then(ScriptedTransport.failBeforeHandOff(new TransferCancelledException("stop")));
        startSpooler();
        EntryId id = submitNow("cancelled by the gate");
        awaitFolder(id, Folder.SENT);
    }

    private OutboxEntry entry(EntryId id) {
        return store.outbox().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private MessageFate awaitFolder(EntryId id, Folder folder) {
        await(() -> store.fate(id).orElseThrow().folder() == folder);
        return store.fate(id).orElseThrow();
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
