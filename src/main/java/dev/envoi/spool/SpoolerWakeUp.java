package dev.envoi.spool;

import dev.envoi.message.EntryId;
import dev.envoi.store.QueueEvent;
import dev.envoi.store.QueueListener;
import java.util.function.Consumer;

/**
 * The seam between a submit and the {@link Spooler}: what the spooler hears from the outgoing
 * queue. {@code MessageStore.submit} commits the message and publishes {@link QueueEvent.Queued};
 * that, or another process's commit ({@link QueueEvent.ExternalChange}), wakes the spooler, and a
 * cancel ({@link QueueEvent.Aborted}) closes the gate of the transfer under way if it is that message.
 */
final class SpoolerWakeUp implements QueueListener {

    private final Runnable wake;
    private final Consumer<EntryId> cancelTransferOf;

    SpoolerWakeUp(Runnable wake, Consumer<EntryId> cancelTransferOf) {
        this.wake = wake;
        this.cancelTransferOf = cancelTransferOf;
    }

    @Override
    public void queueChanged(QueueEvent event) {
        if (event instanceof QueueEvent.Aborted aborted) {
            cancelTransferOf.accept(aborted.queuedId());
            return;
        }
        if (event instanceof QueueEvent.Queued || event instanceof QueueEvent.ExternalChange) {
            wake.run();
        }
    }
}
