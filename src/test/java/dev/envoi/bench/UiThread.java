package dev.envoi.bench;

import dev.envoi.compose.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One thread that plays the FX thread for a view-model driven without a window: it runs posted
 * work and timers in order, as the FX thread would, and the benchmark asks it for property values.
 */
final class UiThread implements Executor, Scheduler, AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-ui");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable task) {
        thread.execute(task);
    }

    /** Runs the call on this thread and waits for its answer. */
    <T> T call(Callable<T> call) throws Exception {
        return thread.submit(call).get(60, TimeUnit.SECONDS);
    }

    void run(Runnable task) throws Exception {
        call(() -> {
            task.run();
            return null;
        });
    }

    /** Waits until the condition, checked on this thread, holds. */
    void await(Callable<Boolean> condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!call(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(1);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Cancellable repeat(Duration period, Runnable task) {
        long millis = Math.max(1, period.toMillis());
        ScheduledFuture<?> future = thread.scheduleAtFixedRate(task, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
