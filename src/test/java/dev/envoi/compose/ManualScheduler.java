package dev.envoi.compose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose time moves only when the test says so; tasks run on the test's thread. */
final class ManualScheduler implements Scheduler {

    private final class Task {
        long dueAt;
        final long period;
        final Runnable action;
        boolean cancelled;

        Task(long dueAt, long period, Runnable action) {
            this.dueAt = dueAt;
            this.period = period;
            this.action = action;
        }
    }

    private final List<Task> tasks = new ArrayList<>();
    private final List<Runnable> awaitingFrame = new ArrayList<>();
    private boolean framesByHand;
    private long now;

    /** From now on, what waits for the next frame runs only when {@link #drawFrame()} says so. */
    synchronized void drawFramesByHand() {
        framesByHand = true;
    }

    @Override
    public void afterNextFrame(Runnable task) {
        synchronized (this) {
            if (framesByHand) {
                awaitingFrame.add(task);
                return;
            }
        }
        task.run();
    }

    /** Runs what waited for a frame, as the FX thread's next pulses would. */
    void drawFrame() {
        List<Runnable> due;
        synchronized (this) {
            due = List.copyOf(awaitingFrame);
            awaitingFrame.clear();
        }
        due.forEach(Runnable::run);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable action) {
        Task task = new Task(now + delay.toMillis(), 0, action);
        tasks.add(task);
        return () -> cancel(task);
    }

    @Override
    public synchronized Cancellable repeat(Duration period, Runnable action) {
        Task task = new Task(now + period.toMillis(), period.toMillis(), action);
        tasks.add(task);
        return () -> cancel(task);
    }

    private synchronized void cancel(Task task) {
        task.cancelled = true;
        tasks.remove(task);
    }

    /** Moves time on, running every task that falls due on the way, in order. */
    void advance(Duration by) {
        long end = now + by.toMillis();
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled);
                next = tasks.stream().filter(t -> t.dueAt <= end).min((a, b) -> Long.compare(a.dueAt, b.dueAt))
                        .orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                now = next.dueAt;
                if (next.period > 0) {
                    next.dueAt += next.period;
                } else {
                    tasks.remove(next);
                }
            }
            next.action.run();
        }
    }

    synchronized int pending() {
        tasks.removeIf(t -> t.cancelled);
        return tasks.size();
    }
}
