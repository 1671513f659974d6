package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.fail;

import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * A real store and spooler around a transport under test, so SMTP tests can check what the user
 * finally sees: the folder, the flags, the attempts and the text. Retries wait ten minutes, so a
 * transient failure is seen as RETRYING after exactly one attempt.
 */
final class SpoolHarness implements AutoCloseable {

    static final RetryPolicy ONE_ATTEMPT = new RetryPolicy(Duration.ofMinutes(10), Duration.ofHours(1), 0, new Random(1));

    final SqliteMessageStore store;
    private Spooler spooler;

    SpoolHarness(Path profile) {
        store = SqliteMessageStore.open(profile);
    }

    SpoolHarness start(Transport transport) {
        spooler = new Spooler(store, transport, store::readAttachment, ONE_ATTEMPT, Clock.systemUTC(),
                TransferProgress.NONE);
        spooler.start();
        return this;
    }

    EntryId submit(DraftContent content) {
        return store.submit(new Draft(content), SubmitOptions.undo(Duration.ZERO));
    }

    /** Waits until the message left the outbox, or waits there for a retry or the user. */
    MessageFate awaitOutcome(EntryId id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            MessageFate fate = store.fate(id).orElseThrow();
            if (fate.folder() != Folder.OUTBOX || fate.state().filter(s -> s == OutboxState.RETRYING
                    || s == OutboxState.FAILED || s == OutboxState.UNCERTAIN).isPresent()) {
                return fate;
            }
            pause();
        }
        return fail("no outcome in 20 s: " + store.fate(id));
    }

    OutboxEntry entry(EntryId id) {
        return store.outbox().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    Draft draft(MessageFate fate) {
        return store.openDraft(fate.currentId());
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (spooler != null) {
            spooler.close();
        }
        store.close();
    }
}
