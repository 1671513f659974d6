package dev.envoi.compose;

import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What every compose window of a profile shares: the store, the executors (background work, and
 * the UI thread), timers, the clock, settings, the spooler's progress, and a way to open a draft in
 * a window of its own.
 */
public record ComposeContext(MessageStore store, Executor background, Executor ui, Scheduler scheduler, Clock clock,
                             ComposeSettings settings, ProgressFeed progress, Consumer<EntryId> openDraftWindow) {
}
