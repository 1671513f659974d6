package dev.envoi.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.Accounts;
import dev.envoi.compose.ProgressFeed;
import dev.envoi.message.MailAddress;
import dev.envoi.message.OutboxState;
import dev.envoi.spool.AccountRouter;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.spool.Spooler;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message whose account was removed waits in the outbox, saying so; the outbox offers the other
 * accounts of its sender, and the one chosen sends it. Real store, real spooler and router.
 */
@Timeout(60)
class OutboxAccountChoiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path profile;
    private final UiQueue ui = new UiQueue();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final ProgressHub progress = new ProgressHub();
    private final OutboxViewModelTest.Answers answers = new OutboxViewModelTest.Answers();
    private final Map<String, ScriptedTransport> transports = new ConcurrentHashMap<>();
    private SqliteMessageStore store;
    private OutboxViewModel model;
    private Spooler spooler;

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
        OutboxContext context = new OutboxContext(store, background, ui, Clock.systemDefaultZone(),
                (ProgressFeed) progress::subscribe, id -> { }, id -> { });
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

    private static Account account(String name, MailAddress identity, boolean isDefault) {
        Account base = Accounts.loopback(name, 2525);
        return new Account(name, identity, base.host(), base.port(), base.security(), "", base.auth(), 0, true,
                false, false, "", isDefault);
    }

    private void startSpooler() {
        AccountRouter router = new AccountRouter(store.accounts(),
                account -> transports.computeIfAbsent(account.name(), n -> new ScriptedTransport()),
                ScriptedTransport::new);
        spooler = new Spooler(store, router, store::readAttachment,
                new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), 0, new Random(1)), Clock.systemUTC(),
                progress);
        spooler.start();
    }

    private Optional<OutboxRow> row() {
        return model.queue().stream().findFirst();
    }

    @Test
    void aMessageWhoseAccountWasRemovedWaitsAndGoesThroughTheAccountChosen() throws Exception {
        MailAddress sender = Drafts.draft("x").content().from();
        store.accounts().put(account("relay", sender, true));
        store.accounts().put(account("provider", sender, false));
        store.submit(Drafts.draft("Kept"), SubmitOptions.undo(Duration.ZERO).withAccount(Optional.of("provider")));
        store.accounts().remove("provider");
        model.start();
        startSpooler();

        ui.runUntil(() -> row().filter(r -> r.state() == OutboxState.RETRYING).isPresent(), WAIT, "waiting");
        assertTrue(row().get().stateText().startsWith("Waiting: the account provider this message was submitted "
                + "with was removed"), row().get().stateText());
        assertTrue(transports.isEmpty() || transports.values().stream().allMatch(t -> t.committed.isEmpty()),
                "never through another account");
        model.selectedProperty().set(row().get());
        assertTrue(model.canChooseAccount().get());

        model.chooseAccountSelected();
        ui.runUntil(() -> model.queue().isEmpty() && model.sent().size() == 1, WAIT, "sent through relay");

        assertEquals(List.of("choose an account for Kept among [relay]"), answers.asked);
        assertEquals(1, transports.get("relay").committed.size());
    }

    @Test
    void withNoOtherAccountOfItsSenderTheUserIsToldWhatToDo() throws Exception {
        MailAddress sender = Drafts.draft("x").content().from();
        store.accounts().put(account("provider", sender, true));
        store.accounts().put(account("elsewhere", MailAddress.of("someone@example.net"), false));
        store.submit(Drafts.draft("Alone"), SubmitOptions.undo(Duration.ofMinutes(1)).withAccount(Optional.of("provider")));
        model.start();
        ui.runUntil(() -> row().isPresent(), WAIT, "listed");
        model.selectedProperty().set(row().get());

        model.chooseAccountSelected();
        ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "told");

        assertTrue(model.errorProperty().get().startsWith("No other account sends as the sender of “Alone”"),
                model.errorProperty().get());
        assertTrue(answers.asked.isEmpty(), "nothing to choose from, nothing asked");
    }
}
