package dev.envoi.outbox;

import dev.envoi.compose.ProgressFeed;
import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What the outbox window uses: the store, the executors (background work, and the UI thread), the
 * clock, the spooler's progress, and the windows it opens (a draft to edit, a sent message to read).
 */
public record OutboxContext(MessageStore store, Executor background, Executor ui, Clock clock, ProgressFeed progress,
                            Consumer<EntryId> openDraftWindow, Consumer<EntryId> openSentViewer) {
}
