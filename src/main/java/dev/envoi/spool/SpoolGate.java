package dev.envoi.spool;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.EntryId;
import dev.envoi.store.NotInQueueException;
import dev.envoi.store.OutgoingQueue;
import dev.envoi.transport.HandOffGate;
import dev.envoi.transport.TransferCancelledException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The gate of one transfer. A cancel from this process arrives as a queue event and sets a flag;
 * one from another process is seen by asking the store, at most every few hundred milliseconds.
 * The hand-off itself is the store's durable record, so cancel and hand-off can never both win.
 */
final class SpoolGate implements HandOffGate {

    private static final long STORE_CHECK_MILLIS = 200;
    private static final Sentences WORDS = Sentences.of(SpoolGate.class);

    private final OutgoingQueue queue;
    private final EntryId id;
    private final LongSupplier millis;
    private final TransferProgress progress;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile boolean handedOff;
    private long lastStoreCheck;

    SpoolGate(OutgoingQueue queue, EntryId id, LongSupplier millis, TransferProgress progress) {
        this.queue = queue;
        this.id = id;
        this.millis = millis;
        this.progress = progress;
        this.lastStoreCheck = millis.getAsLong();
    }

    void cancelledElsewhere() {
        cancelled.set(true);
    }

    boolean isHandedOff() {
        return handedOff;
    }

    @Override
    public void checkNotCancelled() throws TransferCancelledException {
        if (!cancelled.get()) {
            long now = millis.getAsLong();
            if (now - lastStoreCheck >= STORE_CHECK_MILLIS) {
                lastStoreCheck = now;
                if (!queue.isStillQueued(id)) {
                    cancelled.set(true);
                }
            }
        }
        if (cancelled.get()) {
            throw new TransferCancelledException(WORDS.get("transfer.cancelled"));
        }
    }

    @Override
    public void handOff() throws TransferCancelledException {
        if (cancelled.get()) {
            throw new TransferCancelledException(WORDS.get("transfer.cancelled"));
        }
        try {
            queue.recordHandOff(id);
            handedOff = true;
        } catch (NotInQueueException e) {
            cancelled.set(true);
            throw new TransferCancelledException(WORDS.get("transfer.cancelled"));
        }
    }

    @Override
    public void progress(long written, long total) {
        progress.update(id, written, total);
    }
}
