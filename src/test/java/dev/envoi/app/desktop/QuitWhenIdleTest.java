package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.OutboxState;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.TransientFailureException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last window closes: on a real store with a real spooler, Envoi quits at once, stays for a
 * message on its way, or asks about the ones that wait, and does what the answer says. A single
 * thread stands in for the FX thread; the question is answered by the test.
 */
@Timeout(60)
class QuitWhenIdleTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private Spooler spooler;
    private final ScriptedTransport transport = new ScriptedTransport();
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final AtomicBoolean windowOpen = new AtomicBoolean();
    private final List<Integer> asked = new CopyOnWriteArrayList<>();
    private final CountDownLatch quit = new CountDownLatch(1);
    /** The outbox as it was when Envoi quit. */
    private volatile List<OutboxEntry> outboxAtQuit;

    @BeforeEach
    void start() {
        store = SqliteMessageStore.open(profile);
        spooler = new Spooler(store, transport, store::readAttachment,
                new RetryPolicy(Duration.ofMillis(1500), Duration.ofSeconds(2), 0, new Random(1)), Clock.systemUTC(),
                TransferProgress.NONE);
        spooler.start();
    }

    @AfterEach
    void stop() throws Exception {
        ui.shutdownNow();
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
        spooler.close();
        store.close();
    }

    private QuitWhenIdle policy(boolean spoolerHere, QuitQuestion.Answer answer) {
        return new QuitWhenIdle(store::outbox, spoolerHere, waiting -> {
            asked.add(waiting);
            return answer;
        }, ui, background, Clock.systemUTC(), Duration.ofMillis(50), new QuitWhenIdle.Host() {
            @Override
            public boolean hasWindows() {
                return windowOpen.get();
            }

            @Override
            public void quit() {
                outboxAtQuit = store.outbox();
                quit.countDown();
            }
        });
    }

    private boolean quits(long seconds) throws InterruptedException {
        return quit.await(seconds, TimeUnit.SECONDS);
    }

    private void submitDueIn(Duration delay) {
        store.submit(Drafts.draft("due in " + delay), new SubmitOptions(Optional.empty(),
                Optional.of(Instant.now().plus(delay))));
    }

    @Test
    void withNothingQueuedEnvoiQuitsAtOnceWithoutAsking() throws Exception {
        policy(true, QuitQuestion.Answer.KEEP_RUNNING).lastWindowClosed();
        assertTrue(quits(5));
        assertEquals(List.of(), asked);
    }

    @Test
    void aMessageInItsUndoWindowGoesOutBeforeEnvoiQuitsWithoutAsking() throws Exception {
        store.submit(Drafts.draft("undo"), SubmitOptions.undo(Duration.ofSeconds(1)));
        policy(true, QuitQuestion.Answer.QUIT).lastWindowClosed();
        assertTrue(quits(20));
        assertEquals(List.of(), asked, "nothing waits for later: no question");
        assertEquals(List.of(), outboxAtQuit, "handed off before quitting");
        assertEquals(1, transport.committed.size());
    }

    @Test
    void quitLeavesTheMessagesForLaterQueuedButFinishesTheOneOnItsWay() throws Exception {
        submitDueIn(Duration.ofHours(1));
        store.submit(Drafts.draft("undo"), SubmitOptions.undo(Duration.ofSeconds(1)));
        policy(true, QuitQuestion.Answer.QUIT).lastWindowClosed();
        assertTrue(quits(20));
        assertEquals(List.of(1), asked, "asked about the one message that waits for later");
        assertEquals(1, transport.committed.size(), "the message in its undo window went out first");
        assertEquals(1, outboxAtQuit.size());
        assertEquals(OutboxState.QUEUED, outboxAtQuit.get(0).state(), "the later one stays queued for the next start");
    }

    @Test
    void keepRunningStaysUntilAMessageWaitingForARetryIsSent() throws Exception {
        transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("421 4.3.2 try later")));
        store.submit(Drafts.draft("retried"), SubmitOptions.undo(Duration.ZERO));
        waitUntil(() -> store.outbox().stream().anyMatch(e -> e.state() == OutboxState.RETRYING), "it waits for a retry");
        policy(true, QuitQuestion.Answer.KEEP_RUNNING).lastWindowClosed();
        assertTrue(quits(20), "quits once it is sent");
        assertEquals(List.of(1), asked);
        assertEquals(List.of(), outboxAtQuit, "sent before quitting");
        assertEquals(1, transport.committed.size());
    }

    @Test
    void quitDoesNotWaitForARetry() throws Exception {
        transport.then(ScriptedTransport.failBeforeHandOff(new TransientFailureException("421 4.3.2 try later")));
        store.submit(Drafts.draft("retried"), SubmitOptions.undo(Duration.ZERO));
        waitUntil(() -> store.outbox().stream().anyMatch(e -> e.state() == OutboxState.RETRYING), "it waits for a retry");
        policy(true, QuitQuestion.Answer.QUIT).lastWindowClosed();
        assertTrue(quits(5));
        assertEquals(List.of(1), asked);
        assertEquals(OutboxState.RETRYING, outboxAtQuit.get(0).state(), "it goes out at the next start");
    }

    @Test
    void whenAnotherEnvoiRunsTheSpoolerThisOneQuitsWithoutAsking() throws Exception {
        submitDueIn(Duration.ofHours(1));
        policy(false, QuitQuestion.Answer.KEEP_RUNNING).lastWindowClosed();
        assertTrue(quits(5));
        assertEquals(List.of(), asked);
    }

    @Test
    void aWindowOpenedMeanwhileCallsTheQuitOff() throws Exception {
        store.submit(Drafts.draft("undo"), SubmitOptions.undo(Duration.ofSeconds(1)));
        QuitWhenIdle policy = policy(true, QuitQuestion.Answer.QUIT);
        policy.lastWindowClosed();
        windowOpen.set(true); // another launch asked for a window
        waitUntil(() -> transport.committed.size() == 1, "the message goes out");
        assertFalse(quits(1), "a window is open: Envoi stays");
        windowOpen.set(false);
        policy.lastWindowClosed();
        assertTrue(quits(5), "the new window's closing quits");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(20);
        }
    }
}
