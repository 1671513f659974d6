package dev.envoi.compose;

import java.time.Duration;

/**
 * Saves a few seconds after the first change that is not saved yet. Typing on does not push the
 * save further away: what was typed is never more than one delay old on disk.
 */
final class Autosave {

    private final Scheduler scheduler;
    private final Duration delay;
    private final Runnable save;
    private Scheduler.Cancellable pending;

    Autosave(Scheduler scheduler, Duration delay, Runnable save) {
        this.scheduler = scheduler;
        this.delay = delay;
        this.save = save;
    }

    void changed() {
        if (pending == null && !delay.isZero()) {
            pending = scheduler.schedule(delay, () -> {
                pending = null;
                save.run();
            });
        }
    }

    void cancel() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
