package dev.envoi.ui.task;

import dev.envoi.ui.SerialExecutor;
import java.util.concurrent.Executor;

/**
 * Where a window's {@link BackgroundTask}s run: their work on the background executor, what
 * follows on the UI executor (the FX thread). Tests hand in their own executors, or
 * {@link #inCallingThread()} to run everything at once, in order, on the test's thread.
 */
public final class TaskExecutor {

    private final Executor background;
    private final Executor ui;

    public TaskExecutor(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    /** Work and its follow-up both run at once on the caller's thread. */
    public static TaskExecutor inCallingThread() {
        return new TaskExecutor(Runnable::run, Runnable::run);
    }

    /**
     * The same executors, except that this one's tasks run one after another: a window's saves,
     * submits and reads never overlap, while windows still run side by side.
     */
    public TaskExecutor serial() {
        return new TaskExecutor(new SerialExecutor(background), ui);
    }

    Executor background() {
        return background;
    }

    Executor ui() {
        return ui;
    }
}
