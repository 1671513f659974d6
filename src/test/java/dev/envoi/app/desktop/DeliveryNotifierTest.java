package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.EntryId;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.SignInRequiredException;
import dev.envoi.transport.UncertainDeliveryException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Desktop notifications: each outcome once, and none for a message a window is watching. */
@Timeout(30)
class DeliveryNotifierTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private Spooler spooler;
    private DeliveryNotifier notifier;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<DeliveryNotifier.Notice> shown = new CopyOnWriteArrayList<>();
    private final Set<EntryId> watched = new java.util.concurrent.CopyOnWriteArraySet<>();

    private void start(ScriptedTransport transport) {
        start(transport, Runnable::run);
    }

    private void start(ScriptedTransport transport, java.util.concurrent.Executor ui) {
        store = SqliteMessageStore.open(profile);
        notifier = new DeliveryNotifier(store, background, ui, watched::contains, shown::add);
        notifier.start();
        spooler = new Spooler(store, transport, store::readAttachment,
                new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), 0, new Random(1)), Clock.systemUTC(),
                TransferProgress.NONE);
        spooler.start();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        notifier.close();
        spooler.close();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private void awaitShown(int count) throws InterruptedException {
        for (int i = 0; i < 200 && shown.size() < count; i++) {
            Thread.sleep(25);
        }
        Thread.sleep(300); // any duplicate would arrive by now
    }

    @Test
    void aHandOffIsToldOnceWithTheSubject() throws Exception {
        start(new ScriptedTransport());
        store.submit(Drafts.draft("Quarterly"), SubmitOptions.undo(Duration.ZERO));
        awaitShown(1);
        assertEquals(List.of(new DeliveryNotifier.Notice("Message sent",
                "“Quarterly” was handed to the mail system.", false)), shown);
    }

    @Test
    void anOutboxEmptyingAtOnceIsToldInAFewNoticesThatCountEveryMessage() throws Exception {
        java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor();
        start(new ScriptedTransport(), ui);
        for (int i = 1; i <= 30; i++) {
            store.submit(Drafts.draft("Queued overnight " + i), SubmitOptions.undo(Duration.ZERO));
        }
        for (int i = 0; i < 400 && (notifier.isTelling() || shown.isEmpty() || !store.outbox().isEmpty()); i++) {
            Thread.sleep(25);
        }
        assertFalse(notifier.isTelling(), "everything is told");
        assertTrue(shown.size() <= 5, "a burst is gathered, not one popup per message: " + shown);
        int told = 0;
        for (DeliveryNotifier.Notice notice : shown) {
            java.util.regex.Matcher more = java.util.regex.Pattern.compile("(One|\\d+) more messages? w").matcher(notice.text());
            told += more.find() ? (more.group(1).equals("One") ? 1 : Integer.parseInt(more.group(1))) : 1;
        }
        assertEquals(30, told, "every message is counted once: " + shown);
        // Deliveries are looked at side by side: the first told by name is whichever was read first.
        assertTrue(shown.get(0).text().matches("“Queued overnight \\d+” was handed to the mail system\\."),
                "the first is told at once, by name: " + shown.get(0).text());
        ui.shutdown();
    }

    @Test
    void itIsTellingUntilTheNoticeHasReachedTheScreen() throws Exception {
        UiQueue ui = new UiQueue();
        start(new ScriptedTransport(), ui);
        store.submit(Drafts.draft("Told"), SubmitOptions.undo(Duration.ZERO));
        for (int i = 0; i < 200 && !notifier.isTelling(); i++) {
            Thread.sleep(10);
        }
        assertTrue(notifier.isTelling(), "a change is being looked at");
        ui.runUntil(() -> !shown.isEmpty(), Duration.ofSeconds(10), "the notice is shown");
        ui.runUntil(() -> !notifier.isTelling(), Duration.ofSeconds(10), "nothing more to tell");
        assertEquals("Message sent", shown.get(0).title());
        Thread.sleep(300);
        ui.runPending();
        assertFalse(notifier.isTelling(), "every change looked at has been told or found silent");
    }

    @Test
    void failuresAndUncertaintyAreWarnings() throws Exception {
        start(new ScriptedTransport().then(ScriptedTransport.failAfterHandOff(
                new UncertainDeliveryException("The connection broke after the end of data.", null))));
        store.submit(Drafts.draft("Maybe"), SubmitOptions.undo(Duration.ZERO));
        awaitShown(1);
        assertEquals(1, shown.size(), shown.toString());
        assertEquals("Delivery uncertain", shown.get(0).title());
        assertTrue(shown.get(0).warning());
        assertTrue(shown.get(0).text().startsWith("The connection broke after the end of data."), shown.get(0).text());
    }

    @Test
    void aRefusalIsToldWhenNoWindowWatches() throws Exception {
        start(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new PermanentFailureException("550 5.1.1 no such user"))));
        store.submit(Drafts.draft("Unwatched"), SubmitOptions.undo(Duration.ZERO));
        awaitShown(1);
        assertEquals(List.of(new DeliveryNotifier.Notice("Message refused",
                "550 5.1.1 no such user It is back in Drafts: open it to correct it.", true)), shown);
    }

    @Test
    void aRefusalThatCameBackToTheWindowIsNotToldAgain() throws Exception {
        start(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new PermanentFailureException("550 no such user"))));
        EntryId id = store.submit(Drafts.draft("Watched"), SubmitOptions.undo(Duration.ofMillis(300)));
        watched.add(id);
        Thread.sleep(1500);
        assertEquals(List.of(), shown, "a refusal comes back into Drafts and its window says so");
    }

    @Test
    void aMessageWaitingForASignInIsToldOnceAsAWarning() throws Exception {
        start(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new SignInRequiredException("Account work must sign in again.", null))));
        store.submit(Drafts.draft("Held"), SubmitOptions.undo(Duration.ZERO));
        awaitShown(1);
        assertEquals(List.of(new DeliveryNotifier.Notice("Sign in again to send", "Account work must sign in again. "
                + "The message waits in the outbox and goes once you sign in.", true)), shown);
    }
}
