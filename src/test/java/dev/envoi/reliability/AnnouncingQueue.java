package dev.envoi.reliability;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.store.CorruptDataException;
import dev.envoi.store.NotInQueueException;
import dev.envoi.store.OutgoingQueue;
import dev.envoi.store.QueueListener;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.QueuedMessage;
import dev.envoi.store.StoreSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The real store's queue, seen by the spooler through a window that tells the test where the
 * spooler is (the child prints each point) and, for the points a trial kills at, stops there so
 * the kill lands exactly at that point. Test code only: Envoi's own code is unchanged.
 */
final class AnnouncingQueue implements OutgoingQueue {

    private final OutgoingQueue store;
    private final BiConsumer<String, Integer> reached;
    private final Map<EntryId, Integer> messageOf = new ConcurrentHashMap<>();

    /** {@code reached} is told each point with the message's index in the plan; it may block. */
    AnnouncingQueue(OutgoingQueue store, BiConsumer<String, Integer> reached) {
        this.store = store;
        this.reached = reached;
    }

    @Override
    public Optional<QueuedMessage> lockNextDue(Instant now) throws CorruptDataException {
        Optional<QueuedMessage> next = store.lockNextDue(now);
        next.ifPresent(m -> {
            int index = indexOf(m.content().subject());
            messageOf.put(m.id(), index);
            reached.accept("transfer", index);
        });
        return next;
    }

    @Override
    public void recordHandOff(EntryId id) throws NotInQueueException {
        store.recordHandOff(id);
        reached.accept("handed-off", messageOf.getOrDefault(id, -1));
    }

    @Override
    public void markDelivered(EntryId id, String reply, Instant at, boolean keepInSent, String account) {
        reached.accept("to-sent", messageOf.getOrDefault(id, -1));
        store.markDelivered(id, reply, at, keepInSent, account);
        reached.accept("delivered", messageOf.getOrDefault(id, -1));
    }

    /** Message tokens end in "-INDEX". */
    static int indexOf(String subject) {
        int dash = subject.lastIndexOf('-');
        try {
            return Integer.parseInt(subject.substring(dash + 1).strip());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public int collectAttachmentGarbage() {
        return store.collectAttachmentGarbage();
    }

    @Override
    public RecoveryReport recoverAfterRestart() {
        return store.recoverAfterRestart();
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return store.nextDueAt();
    }

    @Override
    public boolean isStillQueued(EntryId id) {
        return store.isStillQueued(id);
    }

    @Override
    public void scheduleRetry(EntryId id, String error, Instant nextAttempt) {
        store.scheduleRetry(id, error, nextAttempt);
    }

    @Override
    public void waitForSignIn(EntryId id, String reason) {
        store.waitForSignIn(id, reason);
    }

    @Override
    public void markFailed(EntryId id, String error) {
        store.markFailed(id, error);
    }

    @Override
    public void waitForAccount(EntryId id, String reason, Instant recheckAt) {
        store.waitForAccount(id, reason, recheckAt);
    }

    @Override
    public void returnToDrafts(EntryId id, String reason, List<MailAddress> refused) {
        store.returnToDrafts(id, reason, refused);
    }

    @Override
    public void markUncertain(EntryId id, String error) {
        store.markUncertain(id, error);
    }

    @Override
    public void markDamaged(EntryId id, String error) {
        store.markDamaged(id, error);
    }

    @Override
    public void unlock(EntryId id) {
        store.unlock(id);
    }

    @Override
    public StoreSettings settings() {
        return store.settings();
    }

    @Override
    public QueueSubscription subscribe(QueueListener listener) {
        return store.subscribe(listener);
    }
}
