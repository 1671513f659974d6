package dev.envoi.reliability;

import dev.envoi.message.EntryId;
import dev.envoi.store.SentCopies;
import dev.envoi.store.SentCopyEntry;
import dev.envoi.store.SentCopyJob;
import dev.envoi.store.SentCopyState;
import dev.envoi.store.StoreSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The store's sent copies as the copier sees them, telling the test when a copy was filed on the
 * server and its record is about to commit ("copy-filed"): the kill point between APPEND and its
 * record. Test code only, as {@link AnnouncingQueue}.
 */
final class AnnouncingSentCopies implements SentCopies {

    private final SentCopies store;
    private final BiConsumer<String, Integer> reached;
    private final Map<Long, Integer> messageOf = new ConcurrentHashMap<>();

    AnnouncingSentCopies(SentCopies store, BiConsumer<String, Integer> reached) {
        this.store = store;
        this.reached = reached;
    }

    @Override
    public Optional<SentCopyJob> nextDue(Instant now) {
        Optional<SentCopyJob> next = store.nextDue(now);
        next.ifPresent(job -> messageOf.put(job.key(), AnnouncingQueue.indexOf(job.content().subject())));
        return next;
    }

    @Override
    public void markDone(long key, String folder) {
        reached.accept("copy-filed", messageOf.getOrDefault(key, -1));
        store.markDone(key, folder);
        reached.accept("copy-recorded", messageOf.getOrDefault(key, -1));
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return store.nextDueAt();
    }

    @Override
    public void scheduleRetry(long key, String error, Instant next) {
        store.scheduleRetry(key, error, next);
    }

    @Override
    public void markFailed(long key, String error) {
        store.markFailed(key, error);
    }

    @Override
    public int retryFailed() {
        return store.retryFailed();
    }

    @Override
    public List<SentCopyEntry> unfinished() {
        return store.unfinished();
    }

    @Override
    public SentCopyState stateOf(EntryId anyId) {
        return store.stateOf(anyId);
    }

    @Override
    public StoreSettings settings() {
        return store.settings();
    }
}
