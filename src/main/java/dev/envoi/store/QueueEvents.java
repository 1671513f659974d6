package dev.envoi.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Delivers queue events to listeners on one store thread, never inside a transaction. Changes
 * made by other processes are noticed by watching SQLite's data_version, which moves only when
 * another connection commits: a cheap check, so the spooler wakes without scanning the queue.
 */
final class QueueEvents implements AutoCloseable {

    private static final long EXTERNAL_CHECK_MILLIS = 250;

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
        }
    }

    private void deliver(QueueEvent event) {
        for (QueueListener listener : listeners) {
            try {
                listener.queueChanged(event);
            } catch (RuntimeException e) {
                // One faulty listener must not stop the others from hearing about the queue.
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
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
