package dev.envoi.compose;

import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.ScriptedTransport;
import dev.envoi.spool.Spooler;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.transport.Transport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A compose view-model on a real store in a temporary profile, with real background threads, the
 * FX thread played by a {@link UiQueue}, timers by a {@link ManualScheduler}, and, when a test
 * starts it, a real spooler.
 */
final class ComposeFixture implements AutoCloseable {

    static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");
    static final RetryPolicy FAST_RETRY = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(1), 0,
            new Random(1));

    final Path profile;
    final SqliteMessageStore store;
    final UiQueue ui = new UiQueue();
    final ManualScheduler scheduler = new ManualScheduler();
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final List<Path> chosenFiles = new ArrayList<>();
    final ProgressHub progress = new ProgressHub();
    final ExecutorService background = Executors.newCachedThreadPool();
    private Spooler spooler;

    ComposeFixture(Path profile) {
        this.profile = profile;
        this.store = SqliteMessageStore.open(profile);
    }

    ComposeViewModel newViewModel() {
        return newViewModel(ComposeSettings.DEFAULT);
    }

    ComposeViewModel newViewModel(ComposeSettings settings) {
        return newViewModel(settings, List.of(Sender.of(ME)));
    }

    ComposeViewModel newViewModel(ComposeSettings settings, List<Sender> senders) {
        ComposeContext context = new ComposeContext(store, background, ui, scheduler, Clock.systemDefaultZone(),
                settings, progress::subscribe, id -> { });
        return new ComposeViewModel(context, dialogs, () -> List.copyOf(chosenFiles), senders);
    }

    ScriptedTransport startSpooler() {
        ScriptedTransport transport = new ScriptedTransport();
        startSpooler(transport);
        return transport;
    }

    void startSpooler(Transport transport) {
        spooler = new Spooler(store, transport, store::readAttachment, FAST_RETRY, Clock.systemUTC(), progress);
        spooler.start();
    }

    @Override
    public void close() throws InterruptedException {
        if (spooler != null) {
            spooler.close();
        }
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
        store.close();
    }
}
