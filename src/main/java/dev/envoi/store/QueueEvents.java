package dev.envoi.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers queue events to listeners on one store thread, never inside a transaction. Changes
 * made by other processes are noticed by watching SQLite's data_version, which moves only when
 * another connection commits: a cheap check, so the spooler wakes without scanning the queue.
 */
final class QueueEvents implements AutoCloseable {

    private static final long EXTERNAL_CHECK_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(QueueEvents.class);

    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "envoi-store-events");
        t.setDaemon(true);
        return t;
    });
    private final LongSupplier dataVersion;
    private long lastSeenVersion;

    QueueEvents(LongSupplier dataVersion) {
        this.dataVersion = dataVersion;
        this.lastSeenVersion = dataVersion.getAsLong();
        thread.scheduleWithFixedDelay(this::checkExternalChanges, EXTERNAL_CHECK_MILLIS, EXTERNAL_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    QueueSubscription subscribe(QueueListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(QueueEvent event) {
        logStateChange(event);
        if (!thread.isShutdown()) {
            thread.execute(() -> deliver(event));
        }
    }

    private void checkExternalChanges() {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            long version = dataVersion.getAsLong();
            if (version != lastSeenVersion) {
                lastSeenVersion = version;
                deliver(new QueueEvent.ExternalChange());
            }
        } catch (RuntimeException e) {
            // The database may be closing; the next check will tell.
            LOG.debug("the check for other processes' changes failed", e);
        }
    }

    private void deliver(QueueEvent event) {
        for (QueueListener listener : listeners) {
            try {
                listener.queueChanged(event);
            } catch (RuntimeException e) {
                // One faulty listener must not stop the others from hearing about the queue.
                LOG.error("a queue listener failed on {}", event, e);
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    /**
     * Every change of the queue passes here, from this process's store: the entry ids and what
     * happened, for the profile's log (the spooler logs the states it sets itself).
     */
    private static void logStateChange(QueueEvent event) {
        if (event instanceof QueueEvent.Queued queued) {
            LOG.info("{} QUEUED", queued.id().value());
        } else if (event instanceof QueueEvent.Aborted aborted) {
            LOG.info("{} cancelled: DRAFT again as {}", aborted.queuedId().value(), aborted.draftId().value());
        } else if (event instanceof QueueEvent.StateChanged changed) {
            LOG.debug("{} state changed", changed.id().value());
        } else {
            LOG.debug("another process changed the queue");
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
