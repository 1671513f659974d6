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
}
