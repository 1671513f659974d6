package dev.envoi.compose;

import java.time.Duration;

/** Runs something later on the UI thread (countdowns, autosave); tests advance time by hand. */
public interface Scheduler {

    /** A scheduled task that can be called off. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);

    Cancellable repeat(Duration period, Runnable task);

    /**
     * Runs {@code task} once what the window shows now has been drawn. A scheduler without frames
     * (tests, a view-model without a window) runs it at once.
     */
    default void afterNextFrame(Runnable task) {
        task.run();
    }
}
