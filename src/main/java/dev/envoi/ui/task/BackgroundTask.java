package dev.envoi.ui.task;

import dev.envoi.log.LogText;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a window runs work off the FX thread: the work runs on the background executor,
 * then {@code onSuccess} or {@code onFailure} runs on the UI thread, then {@code onFinished}.
 * Every failure of the work (any {@link Exception}, checked or not) is written to the log and
 * handed to {@code onFailure}; none is lost on a background thread. Modelled on JabRef's
 * BackgroundTask:
 * <pre>{@code
 * BackgroundTask.of("saving the draft", () -> session.save(content))
 *         .onSuccess(v -> status.set(saved))
 *         .onFailure(e -> error.set(describe(e)))
 *         .executeWith(tasks);
 * }</pre>
 *
 * @param <V> what the work produces for {@code onSuccess}
 */
public final class BackgroundTask<V> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** Work that produces a value; it may throw anything, the task reports it. */
    @FunctionalInterface
    public interface Work<V> {
        V call() throws Exception;
    }

    /** Work that produces nothing. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    private final String name;
    private final Work<V> work;
    private Consumer<? super V> onSuccess = value -> { };
    private Consumer<? super Exception> onFailure;
    private Runnable onFinished = () -> { };

    private BackgroundTask(String name, Work<V> work) {
        this.name = name;
        this.work = work;
    }

    /**
     * @param name what the work does, for the log ("saving the draft"); never user content
     */
    public static <V> BackgroundTask<V> of(String name, Work<V> work) {
        return new BackgroundTask<>(name, work);
    }

    /** A task that produces nothing; {@code onSuccess} receives null. */
    public static BackgroundTask<Void> run(String name, Action action) {
        return new BackgroundTask<>(name, () -> {
            action.run();
            return null;
        });
    }

    /** What a failure says, for the window: its own words, or its kind when it has none. */
    public static String messageOf(Throwable failure) {
        return Objects.requireNonNullElse(failure.getMessage(), failure.toString());
    }

    /** Runs on the UI thread with the work's result. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> then) {
        this.onSuccess = then;
        return this;
    }

    /**
     * Runs on the UI thread with the work's failure (already logged). Without one, the log is
     * the only trace, at error level.
     */
    public BackgroundTask<V> onFailure(Consumer<? super Exception> then) {
        this.onFailure = then;
        return this;
    }

    /** Runs on the UI thread after {@code onSuccess} or {@code onFailure}, whichever ran. */
    public BackgroundTask<V> onFinished(Runnable then) {
        this.onFinished = then;
        return this;
    }

    /**
     * Starts the work. The answer completes on the background thread as soon as the work is
     * done (exceptionally when it failed or could not start), before the UI follow-up runs:
     * it is for waiting on the work itself, as closing a window does.
     */
    public CompletionStage<V> executeWith(TaskExecutor executor) {
        CompletableFuture<V> done = new CompletableFuture<>();
        try {
            executor.background().execute(() -> runAndReport(executor, done));
        } catch (RejectedExecutionException e) {
            // The background pool is shutting down: the work will never run, which its caller must hear.
            fail(executor, done, e);
        }
        return done;
    }

    private void runAndReport(TaskExecutor executor, CompletableFuture<V> done) {
        V value;
        try {
            value = work.call();
        } catch (Exception e) {
            fail(executor, done, e);
            return;
        }
        done.complete(value);
        executor.ui().execute(() -> {
            try {
                onSuccess.accept(value);
            } finally {
                onFinished.run();
            }
        });
    }

    private void fail(TaskExecutor executor, CompletableFuture<V> done, Exception e) {
        if (onFailure == null) {
            LOG.error("{} failed: {}", name, LogText.reason(e.toString()), e);
        } else {
            // The window shows it too; the log keeps it for a bug report, its stack with --debug.
            LOG.warn("{} failed: {}", name, LogText.reason(e.toString()));
            LOG.debug("{} failed", name, e);
        }
        done.completeExceptionally(e);
        Consumer<? super Exception> report = onFailure;
        executor.ui().execute(() -> {
            try {
                if (report != null) {
                    report.accept(e);
                }
            } finally {
                onFinished.run();
            }
        });
    }
}
