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
    private long now;

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
