package dev.envoi.spool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * One background thread that works through whatever is due, one item at a time, then sleeps until
 * it is woken (a queue event) or the next item falls due; it never polls. The {@link Spooler}'s
 * loop over the outgoing queue and the {@link SentCopier}'s over the pending copies.
 */
final class DueWorkLoop implements AutoCloseable {

    /** How long a loop whose store failed (disk, lock) waits before it looks again. */
    static final Duration STORE_RETRY = Duration.ofSeconds(5);

    private final BooleanSupplier workOnNextDue;
    private final Supplier<Optional<Instant>> nextDueAt;
    private final Clock clock;
    private final Logger log;
    private final ScheduledThreadPoolExecutor worker;
    private final AtomicBoolean drainPending = new AtomicBoolean();
    // True for a whole pass, so awaitIdle never sees the moment between taking an item and
    // starting to work on it as "idle".
    private final AtomicBoolean draining = new AtomicBoolean();
    private ScheduledFuture<?> timer;

    /**
     * {@code workOnNextDue} takes the next item due now and works on it, false when nothing is due;
     * {@code nextDueAt} says when the next item falls due, if any (it may be now).
     */
    DueWorkLoop(String threadName, Clock clock, Logger log, BooleanSupplier workOnNextDue,
                Supplier<Optional<Instant>> nextDueAt) {
        this.workOnNextDue = workOnNextDue;
        this.nextDueAt = nextDueAt;
        this.clock = clock;
        this.log = log;
        this.worker = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        // A wake-up timed for a retry an hour away must not keep close() waiting.
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Asks the worker to look at what is due now. */
    void wake() {
        if (drainPending.compareAndSet(false, true) && !worker.isShutdown()) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException closedMeanwhile) {
                // A store event delivered while the loop closes: there is nothing more to do.
            }
        }
    }

    /** Waits until nothing is due now and nothing is under way (for `--flush` and tests). */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isIdle()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private boolean isIdle() {
        if (drainPending.get() || draining.get()) {
            return false;
        }
        Optional<Instant> next = nextDueAt.get();
        return next.isEmpty() || next.get().isAfter(clock.instant());
    }

    private void drain() {
        draining.set(true);
        drainPending.set(false);
        try {
            while (!worker.isShutdown() && workOnNextDue.getAsBoolean()) {
                // One item at a time, in order, until nothing is due.
            }
            nextDueAt.get().ifPresent(due -> scheduleWake(Duration.between(clock.instant(), due)));
        } catch (RuntimeException e) {
            // The store failed (disk, lock): look again in a while rather than stop for good.
            log.warn("the store could not be read; looking again in {}", STORE_RETRY, e);
            scheduleWake(STORE_RETRY);
        } finally {
            draining.set(false);
        }
    }

    private synchronized void scheduleWake(Duration delay) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (!worker.isShutdown()) {
            timer = worker.schedule(this::wake, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops taking items; the one under way is allowed to finish. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            log.warn("interrupted while the work under way finished; stopping it");
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
