package dev.envoi.app.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.SpoolerLock;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.Folder;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.HandOffGate;
import dev.envoi.transport.HandOffReceipt;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.TransferException;
import dev.envoi.transport.TransientFailureException;
import dev.envoi.transport.Transport;
import dev.envoi.transport.UncertainDeliveryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * `envoi send --wait` while another Envoi (here: a spooler this test runs, holding the profile's
 * spooler lock) does the sending: the command waits for that spooler's outcome and maps it to its
 * exit code; if the other spooler goes away, the command takes over.
 */
@Timeout(60)
class WaitForAnotherSpoolerTest {

    @TempDir
    Path home;
    private SqliteMessageStore store;
    private SpoolerLock lock;
    private Spooler spooler;

    private Path profile() {
        return home.resolve("profile");
    }

    @AfterEach
    void stopTheOtherEnvoi() throws Exception {
        if (spooler != null) {
            spooler.close();
        }
        if (lock != null) {
            lock.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** The "other process": its own store connection, the spooler lock, and a transport that does what it is told. */
    private void otherEnvoiSpoolsWith(Outcome outcome) throws Exception {
        store = SqliteMessageStore.open(profile());
        lock = SpoolerLock.tryAcquire(profile()).orElseThrow();
        Transport transport = new Transport() {
            @Override
            public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
                return outcome.of(gate);
            }
        };
        spooler = new Spooler(store, transport, store::readAttachment,
                new RetryPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 0, new Random(1)), Clock.systemUTC(),
                TransferProgress.NONE);
        spooler.start();
    }

    private CommandLineRun envoi(String... args) {
        String[] withProfile = Stream.concat(Stream.of(args), Stream.of("--profile", profile().toString()))
                .toArray(String[]::new);
        return CommandLineRun.of(home, withProfile);
    }

    private CommandLineRun sendAndWait(String seconds) {
        return envoi("send", "--to", "jane@example.org", "--subject", "report", "--undo-seconds", "0", "--wait=" + seconds);
    }

    @Test
    void aMessageHandedOffByTheOtherSpoolerExitsZero() throws Exception {
        otherEnvoiSpoolsWith(gate -> {
            gate.handOff();
            return new HandOffReceipt("250 2.0.0 queued as 7");
        });
        CommandLineRun run = sendAndWait("20");
        assertEquals(ExitCode.OK, run.exitCode, run.toString());
        assertTrue(run.err.contains("waiting for it") && run.err.contains("250 2.0.0 queued as 7"), run.err);
        assertFalse(Files.exists(profile().resolve(ProfileServices.PICKUP_FOLDER)), "sent by the other Envoi, not here");
    }

    @Test
    void aPermanentRefusalExitsThreeAndTheMessageIsBackInDrafts() throws Exception {
        otherEnvoiSpoolsWith(gate -> {
            throw new PermanentFailureException("550 5.1.1 <jane@example.org>: no such user",
                    List.of(MailAddress.of("jane@example.org")), null);
        });
        CommandLineRun run = sendAndWait("20");
        assertEquals(ExitCode.REFUSED, run.exitCode, run.toString());
        assertTrue(run.err.contains("550 5.1.1"), run.err);
        EntryId queued = EntryId.parseOrNull(run.out.strip());
        assertEquals(Folder.DRAFTS, store.fate(queued).orElseThrow().folder());
    }

    @Test
    void aTransferBrokenAfterTheHandOffExitsSevenAndCancelIsTooLate() throws Exception {
        otherEnvoiSpoolsWith(gate -> {
            gate.handOff();
            throw new UncertainDeliveryException("connection reset after the end of data", null);
        });
        CommandLineRun run = sendAndWait("20");
        assertEquals(ExitCode.UNCERTAIN, run.exitCode, run.toString());
        assertTrue(run.err.contains("delivery uncertain"), run.err);

        CommandLineRun cancel = envoi("cancel", run.out.strip());
        assertEquals(ExitCode.TOO_LATE, cancel.exitCode, cancel.toString());
        assertTrue(cancel.err.contains("too late"), cancel.err);
    }

    @Test
    void aMessageStillWaitingForARetryWhenTheWaitEndsExitsFour() throws Exception {
        otherEnvoiSpoolsWith(gate -> {
            throw new TransientFailureException("451 4.3.0 mailbox busy");
        });
        CommandLineRun run = sendAndWait("2");
        assertEquals(ExitCode.STILL_QUEUED, run.exitCode, run.toString());
        assertTrue(run.err.contains("retrying") && run.err.contains("451 4.3.0"), run.err);
    }

    @Test
    void aMessageGivenUpAfterTheRetryLimitExitsOne() throws Exception {
        otherEnvoiSpoolsWith(gate -> {
            throw new TransientFailureException("connection refused");
        });
        store.settings().setRetryLimit(Duration.ZERO);
        CommandLineRun run = sendAndWait("20");
        assertEquals(ExitCode.FAILURE, run.exitCode, run.toString());
        assertTrue(run.err.contains("failed: Gave up after 1 attempt: connection refused"), run.err);
    }

    @Test
    void whenTheOtherEnvoiStopsTheWaitingCommandSendsTheMessageItself() throws Exception {
        lock = SpoolerLock.tryAcquire(Files.createDirectories(profile())).orElseThrow();
        CompletableFuture<CommandLineRun> run = CompletableFuture.supplyAsync(() -> sendAndWait("30"));
        Thread.sleep(1500);
        assertFalse(run.isDone(), "waits while the other Envoi holds the spooler");
        lock.close();
        lock = null;
        CommandLineRun done = run.get(30, TimeUnit.SECONDS);
        assertEquals(ExitCode.OK, done.exitCode, done.toString());
        assertTrue(done.err.contains("sending from here"), done.err);
        try (Stream<Path> files = Files.list(profile().resolve(ProfileServices.PICKUP_FOLDER))) {
            assertEquals(1, files.filter(p -> p.toString().endsWith(".eml")).count());
        }
    }

    /** What the other Envoi's transport does with the message. */
    private interface Outcome {
        HandOffReceipt of(HandOffGate gate) throws TransferException;
    }
}
