package dev.envoi.compose;

import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What every compose window of a profile shares: the store, the executors (background work, and
 * the UI thread), timers, the clock, settings, the spooler's progress, a way to open a draft in a
 * window of its own, and the outbox and accounts windows.
 */
public record ComposeContext(MessageStore store, Executor background, Executor ui, Scheduler scheduler, Clock clock,
                             ComposeSettings settings, ProgressFeed progress, Consumer<EntryId> openDraftWindow,
                             Runnable openOutbox, Runnable openAccounts) {

    /** A context without other windows to open (tests, benchmarks). */
    public ComposeContext(MessageStore store, Executor background, Executor ui, Scheduler scheduler, Clock clock,
                          ComposeSettings settings, ProgressFeed progress, Consumer<EntryId> openDraftWindow) {
        this(store, background, ui, scheduler, clock, settings, progress, openDraftWindow, () -> { }, () -> { });
    }
}
