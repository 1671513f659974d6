package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.compose.ProgressFeed;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.spool.Spooler;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.TransientFailureException;
import dev.envoi.transport.UncertainDeliveryException;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import dev.envoi.testing.UiQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The outbox view-model without a window, on a real store and a real spooler. */
@Timeout(60)
class OutboxViewModelTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private Spooler spooler;
    private final ProgressHub progress = new ProgressHub();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final UiQueue ui = new UiQueue();
    private final List<EntryId> openedDrafts = new ArrayList<>();
    private final List<EntryId> openedSent = new ArrayList<>();
    private final Answers answers = new Answers();
    private OutboxViewModel model;

    /** Scripted answers to the outbox's questions. */
    static final class Answers implements OutboxDialogs {
        final List<String> asked = new ArrayList<>();
        boolean yes = true;

        @Override
        public boolean confirmDeleteDraft(String subject) {
            asked.add("delete " + subject);
            return yes;
        }

        @Override
        public boolean confirmSendAgain(String subject) {
            asked.add("send again " + subject);
            return yes;
        }

        @Override
        public boolean confirmMarkSent(String subject) {
            asked.add("mark sent " + subject);
            return yes;
        }

        @Override
        public boolean confirmDeleteOldSent(int count, String kept) {
            asked.add("delete " + count + " sent messages, keeping " + kept);
            return yes;
        }

        @Override
        public java.util.Optional<String> chooseAccount(String subject, List<String> accounts) {
            asked.add("choose an account for " + subject + " among " + accounts);
            return yes ? java.util.Optional.of(accounts.get(accounts.size() - 1)) : java.util.Optional.empty();
        }
    }

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
        OutboxContext context = new OutboxContext(store, background, ui, Clock.systemDefaultZone(),
                (ProgressFeed) progress::subscribe, openedDrafts::add, openedSent::add);
        model = new OutboxViewModel(context, answers, Texts.of(OutboxViewModel.class, Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        model.dispose();
        if (spooler != null) {
            spooler.close();
        }
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private void startSpooler(ScriptedTransport transport) {
        spooler = new Spooler(store, transport, store::readAttachment,
                new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), 0, new Random(1)), Clock.systemUTC(),
                progress);
        spooler.start();
    }

    private OutboxRow row(String subject) {
        return model.queue().stream().filter(r -> r.subject().equals(subject)).findFirst().orElseThrow();
    }

    private boolean has(String subject, OutboxState state) {
        return model.queue().stream().anyMatch(r -> r.subject().equals(subject) && r.state() == state);
    }

    @Test
    void listsWhatWaitsAndFollowsItLive() throws Exception {
        store.submit(Drafts.draft("Tonight"), SubmitOptions.undo(Duration.ofSeconds(60)));
        store.submit(Drafts.draft("Christmas"), new SubmitOptions(java.util.Optional.empty(),
                java.util.Optional.of(Instant.now().plus(Duration.ofDays(20)))));
        model.start();
        ui.runUntil(() -> model.queue().size() == 2, Duration.ofSeconds(20), "both are listed");

        assertTrue(row("Tonight").stateText().contains("(undo window)"), row("Tonight").stateText());
        assertTrue(row("Christmas").stateText().startsWith("Scheduled for "), row("Christmas").stateText());
        assertEquals("jane@example.org", row("Tonight").recipients());
        assertTrue(row("Tonight").cancellable());

        startSpooler(new ScriptedTransport());
        model.selectedProperty().set(row("Tonight"));
        model.sendNowSelected();
        ui.runUntil(() -> model.queue().size() == 1 && model.sent().size() == 1, Duration.ofSeconds(20), "it moves to Sent");
        assertEquals("Tonight", model.sent().get(0).subject());
        assertEquals("“Tonight” is being sent now.", model.statusProperty().get());
    }

    @Test
    void cancelTakesTheMessageBackAndOpensIt() throws Exception {
        store.submit(Drafts.draft("Oops"), SubmitOptions.undo(Duration.ofSeconds(60)));
        model.start();
        ui.runUntil(() -> model.queue().size() == 1, Duration.ofSeconds(20), "listed");
        model.selectedProperty().set(row("Oops"));
        assertTrue(model.canCancel().get());

        model.cancelSelected();
        ui.runUntil(() -> !openedDrafts.isEmpty() && model.queue().isEmpty() && model.drafts().size() == 1, Duration.ofSeconds(20), "cancelled");
        assertEquals(store.drafts().get(0).id(), openedDrafts.get(0));
    }

    @Test
    void aRetryingMessageSaysWhenAndWhyAndCanBeSentNow() throws Exception {
        startSpooler(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new TransientFailureException("421 4.7.0 busy"))));
        store.submit(Drafts.draft("Busy"), SubmitOptions.undo(Duration.ZERO));
        model.start();
        ui.runUntil(() -> has("Busy", OutboxState.RETRYING), Duration.ofSeconds(20), "retrying");

        OutboxRow busy = row("Busy");
        assertTrue(busy.stateText().matches("Retrying at .+ after 1 attempt: 421 4\\.7\\.0 busy"), busy.stateText());
        model.selectedProperty().set(busy);
        assertTrue(model.canSendNow().get());
        assertTrue(model.canCancel().get());
        model.sendNowSelected();
        ui.runUntil(() -> model.queue().isEmpty() && model.sent().size() == 1, Duration.ofSeconds(20), "sent on the second try");
    }

    @Test
    void aMessageWaitingForASignInSaysSoInsteadOfARetryTime() throws Exception {
        startSpooler(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new dev.envoi.transport.SignInRequiredException("Account work must sign in again.", null))));
        store.submit(Drafts.draft("Held"), SubmitOptions.undo(Duration.ZERO));
        model.start();
        ui.runUntil(() -> has("Held", OutboxState.RETRYING), Duration.ofSeconds(20), "waiting");

        assertEquals("Waiting for you to sign in again: Account work must sign in again.", row("Held").stateText());
        model.selectedProperty().set(row("Held"));
        assertTrue(model.canCancel().get(), "still the user's to take back");
    }

    @Test
    void aServerReasonIsShownWithItsControlsVisible() throws Exception {
        // Issue 14, item 5: the reason came from a server; an escape sequence in it is shown, not obeyed.
        startSpooler(new ScriptedTransport().then(ScriptedTransport.failBeforeHandOff(
                new TransientFailureException("421 4.7.0 \u001b]0;pwned\u0007 busy\u202e"))));
        store.submit(Drafts.draft("Hostile"), SubmitOptions.undo(Duration.ZERO));
        model.start();
        ui.runUntil(() -> has("Hostile", OutboxState.RETRYING), Duration.ofSeconds(20), "retrying");

        String shown = row("Hostile").stateText();
        assertTrue(shown.contains("421 4.7.0 \\x1b]0;pwned\\x07 busy\\u202e"), shown);
        assertTrue(shown.chars().noneMatch(c -> c < 0x20 || c == 0x202e), shown);
    }

    @Test
    void anUncertainMessageIsExplainedAndOnlyTheUserDecides() throws Exception {
        startSpooler(new ScriptedTransport().then(ScriptedTransport.failAfterHandOff(
                new UncertainDeliveryException("The connection broke after the end of data.", null))));
        store.submit(Drafts.draft("Maybe"), SubmitOptions.undo(Duration.ZERO));
        model.start();
        ui.runUntil(() -> has("Maybe", OutboxState.UNCERTAIN), Duration.ofSeconds(20), "uncertain");

        model.selectedProperty().set(row("Maybe"));
        assertTrue(model.explanationProperty().get().startsWith("Envoi cannot know whether this message arrived"));
        assertFalse(model.canCancel().get(), "past the hand-off point, cancel is refused");
        assertTrue(model.canMarkSent().get());
        assertTrue(model.canSendAgain().get());

        answers.yes = false;
        model.sendAgainSelected();
        assertEquals(List.of("send again Maybe"), answers.asked);
        Thread.sleep(200);
        assertTrue(has("Maybe", OutboxState.UNCERTAIN), "declining leaves it alone");

        answers.yes = true;
        model.markSentSelected();
        ui.runUntil(() -> model.queue().isEmpty() && model.sent().size() == 1, Duration.ofSeconds(20), "marked as sent");
        assertEquals(List.of("send again Maybe", "mark sent Maybe"), answers.asked);
    }

    @Test
    void draftsOpenAndDeleteOnlyAfterConfirmation() throws Exception {
        dev.envoi.message.Draft draft = Drafts.draft("Idea");
        store.save(draft);
        model.start();
        ui.runUntil(() -> model.drafts().size() == 1, Duration.ofSeconds(20), "listed");
        model.selectedDraftProperty().set(model.drafts().get(0));

        model.openSelectedDraft();
        assertEquals(1, openedDrafts.size());
        answers.yes = false;
        model.deleteSelectedDraft();
        assertEquals(1, store.drafts().size());
        answers.yes = true;
        model.deleteSelectedDraft();
        ui.runUntil(() -> model.drafts().isEmpty(), Duration.ofSeconds(20), "deleted");
        assertTrue(store.drafts().isEmpty());
        assertEquals(List.of("delete Idea", "delete Idea"), answers.asked);
    }

    @Test
    void aSentMessageWhoseServerCopyFailedSaysWhyInSent() throws Exception {
        store.accounts().put(new dev.envoi.account.Account("work", Drafts.simple("x").from(), "127.0.0.1", 2525,
                dev.envoi.account.SmtpSecurity.NONE, "emile", dev.envoi.account.AuthMethod.PASSWORD, 0, true, false,
                false, "", true));
        store.imapSettings().put("work", new dev.envoi.account.ImapSettings(
                new dev.envoi.account.ImapServer("127.0.0.1", 1143, dev.envoi.account.SmtpSecurity.NONE), true, ""));
        EntryId queued = store.submit(Drafts.draft("Copied?"), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(Instant.now()).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 OK", Instant.now(), true, "work");
        model.start();
        ui.runUntil(() -> model.sent().size() == 1 && model.sent().get(0).note().contains("on its way"),
                Duration.ofSeconds(20), "the copy is on its way");

        long key = store.sentCopies().nextDue(Instant.now()).orElseThrow().key();
        store.sentCopies().markFailed(key, "the IMAP server refused the login");
        ui.runUntil(() -> model.sent().get(0).note().equals(
                "Copy for the server’s Sent folder failed: the IMAP server refused the login"),
                Duration.ofSeconds(20), "the failed copy, live, with its reason");
    }

    @Test
    void theWordsFollowTheLanguage() {
        Texts french = Texts.of(OutboxViewModel.class, Locale.FRENCH);
        assertEquals("Boîte d’envoi — Envoi", french.get("window.title"));
        assertEquals("11,4 Kio", french.size(11_674));
        assertEquals("11.4 KiB", Texts.of(OutboxViewModel.class, Locale.ENGLISH).size(11_674));
    }
}
