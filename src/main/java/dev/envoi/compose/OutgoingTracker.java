package dev.envoi.compose;

import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.QueueEvent;
import dev.envoi.store.QueueSubscription;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Follows one submitted message through the queue for its window. It never guesses: on each
 * queue event about the message it asks the store where the message is and whether
 * {@code abortSubmit} would still succeed, and reports that. Store reads run as background tasks;
 * reports arrive on the UI executor; a read that fails is tried again at the next tick. Transfer progress is coalesced so that a fast
 * upload cannot flood the FX thread.
 */
final class OutgoingTracker {

    /** What the window should show now; {@code returned} is set when the message came back to Drafts. */
    record Update(SendState state, boolean cancellable, DraftView returned) {
    }

    private static final Duration TICK = Duration.ofMillis(500);

    /** Three a second: as often as a person reads a bar and a percentage (issue 21, bar 4). */
    private static final long PROGRESS_INTERVAL_NANOS = 333_000_000;

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final Executor ui;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Function<EntryId, DraftView> reopen;
    private final Consumer<Update> sink;
    private final AtomicReference<EntryId> tracked = new AtomicReference<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** The last read failed: the next tick asks again (UI thread only). */
    private boolean readFailed;
    private final AtomicReference<SendState.Transferring> latestProgress = new AtomicReference<>();
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private volatile long lastProgressPost;
    private final SendStatusText texts;
    private final Texts words;
    private QueueSubscription subscription;
    private Scheduler.Cancellable ticker;
    private Update last;

    OutgoingTracker(MessageStore store, TaskExecutor tasks, Executor ui, Scheduler scheduler, Clock clock,
                    Texts texts, Function<EntryId, DraftView> reopen, Consumer<Update> sink) {
        this.store = store;
        this.tasks = tasks;
        this.ui = ui;
        this.scheduler = scheduler;
        this.clock = clock;
        this.reopen = reopen;
        this.sink = sink;
        this.texts = new SendStatusText(texts);
        this.words = texts;
    }

    /** Starts following a message that was just submitted. Call on the UI thread. */
    void track(EntryId queuedId) {
        stop();
        tracked.set(queuedId);
        subscription = store.subscribe(this::queueChanged);
        ticker = scheduler.repeat(TICK, this::tick);
        refresh();
    }

    Optional<EntryId> queuedId() {
        return Optional.ofNullable(tracked.get());
    }

    /** Stops following (the message was cancelled here, came back, or the window closes). */
    void stop() {
        tracked.set(null);
        last = null;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (ticker != null) {
            ticker.cancel();
            ticker = null;
        }
    }

    /** The status sentence for the latest update, with the countdown as of now. */
    String statusText() {
        return last == null ? "" : texts.of(last.state(), clock.instant(), last.cancellable());
    }

    /** Asks the store again (coalesced: several events in a row make one read). */
    void refresh() {
        EntryId id = tracked.get();
        if (id == null || !refreshPending.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.of("reading where a submitted message is", () -> {
            refreshPending.set(false);
            return read(id);
        }).onSuccess(update -> {
            readFailed = false;
            deliver(id, update);
        }).onFailure(e -> {
            refreshPending.set(false);
            readFailed = true;
        }).executeWith(tasks);
    }

    /** From the spooler's thread, for every few dozen kilobytes written. */
    void progress(EntryId id, long written, long total) {
        if (!id.equals(tracked.get())) {
            return;
        }
        latestProgress.set(new SendState.Transferring(written, total));
        // At most one update per PROGRESS_INTERVAL: a fast transfer reported every 64 KiB kept
        // the FX thread from its pulses (benchmark 5), and twenty a second still cost a frame's
        // work each on a loaded machine; no one reads a percentage faster than this.
        long now = System.nanoTime();
        if (now - lastProgressPost >= PROGRESS_INTERVAL_NANOS && progressPosted.compareAndSet(false, true)) {
            lastProgressPost = now;
            ui.execute(this::showProgress);
        }
    }

    private void showProgress() {
        progressPosted.set(false);
        SendState.Transferring progress = latestProgress.getAndSet(null);
        if (progress != null && last != null && last.cancellable()
                && (last.state() instanceof SendState.Transferring || last.state() instanceof SendState.Queued)) {
            deliver(tracked.get(), new Update(progress, true, null));
        }
    }

    private void queueChanged(QueueEvent event) {
        EntryId id = tracked.get();
        if (id != null && isAbout(event, id)) {
            refresh();
        }
    }

    private void tick() {
        if (readFailed) {
            readFailed = false;
            refresh();
        }
        if (last != null) {
            sink.accept(last);
        }
    }

    private void deliver(EntryId id, Update update) {
        if (id == null || !id.equals(tracked.get())) {
            return; // a stale answer about a message this window no longer follows
        }
        last = update;
        sink.accept(update);
        if (update.returned() != null || update.state() instanceof SendState.HandedOff
                || update.state() instanceof SendState.Uncertain || update.state() instanceof SendState.Failed) {
            stop(); // settled: nothing more will happen to it without the user
        }
    }

    private Update read(EntryId id) {
        Optional<MessageFate> fate = store.fate(id);
        if (fate.isEmpty()) {
            return new Update(new SendState.Failed(words.get("status.vanished")), false, null);
        }
        MessageFate where = fate.get();
        return switch (where.folder()) {
            case SENT, DELETED -> new Update(new SendState.HandedOff(where.reason()), false, null);
            case DRAFTS -> new Update(new SendState.Editing(), false, reopen.apply(where.currentId()));
            case OUTBOX -> inOutbox(where.currentId());
        };
    }

    private Update inOutbox(EntryId id) {
        boolean cancellable = store.canAbort(id);
        Optional<OutboxEntry> entry = store.outbox().stream().filter(e -> e.id().equals(id)).findFirst();
        if (entry.isEmpty()) {
            return new Update(new SendState.Transferring(0, 0), cancellable, null);
        }
        OutboxEntry e = entry.get();
        OutboxState state = e.state();
        SendState sendState = switch (state) {
            case QUEUED, DRAFT -> new SendState.Queued(e.dueAt());
            // Past the point of no cancel the data is out: the bar stays full while it is handed off.
            case SENDING -> new SendState.Transferring(cancellable ? 0 : e.size(), e.size());
            case RETRYING -> new SendState.Retrying(e.dueAt(), e.attempts(), e.lastError());
            case FAILED -> new SendState.Failed(e.lastError());
            case UNCERTAIN -> new SendState.Uncertain(e.lastError());
        };
        return new Update(sendState, cancellable, null);
    }

    static boolean isAbout(QueueEvent event, EntryId id) {
        if (event instanceof QueueEvent.Queued q) {
            return q.id().equals(id);
        }
        if (event instanceof QueueEvent.Aborted a) {
            return a.queuedId().equals(id);
        }
        if (event instanceof QueueEvent.StateChanged s) {
            return s.id().equals(id);
        }
        return true; // another process changed the database: anything may have happened
    }
}
