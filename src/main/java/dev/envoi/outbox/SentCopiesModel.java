package dev.envoi.outbox;

import dev.envoi.i18n.VisibleText;
import dev.envoi.store.MessageStore;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.SentCopyEntry;
import dev.envoi.store.SentCopyState;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The outbox window's part about the copies for the server's Sent folder (issue 19): every copy
 * pending or failed, with its reason (also those of accounts that keep no local copy, whose
 * messages Sent does not list), and the user's "Retry failed copies", as `outbox --retry-copies`.
 * Kept live from the store's events; store work on the background executor.
 */
public final class SentCopiesModel {

    /** More lines than this and the list says how many more: the window stays readable. */
    private static final int SHOWN = 5;

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final Texts texts;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private QueueSubscription subscription;

    public SentCopiesModel(OutboxContext context, Texts texts) {
        this.store = context.store();
        this.tasks = new TaskExecutor(context.background(), context.ui());
        this.texts = texts;
    }

    /** One line per copy pending or failed, with why; empty when every copy is in its folder. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while some copy has failed, so that trying again means something. */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    /** What the last retry did, or why it could not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void start() {
        subscription = store.subscribe(event -> refresh());
        refresh();
    }

    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
    }

    /** Reads the copies again (coalesced: a burst of events makes one read). */
    public void refresh() {
        if (!refreshPending.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.of("read the Sent-folder copies", () -> {
            refreshPending.set(false);
            return store.unfinishedCopies();
        }).onSuccess(copies -> {
            summary.set(describe(copies));
            canRetry.set(copies.stream().anyMatch(c -> c.state() == SentCopyState.FAILED));
        }).onFailure(failure -> status.set(texts.get("error.read", BackgroundTask.messageOf(failure))))
                .executeWith(tasks);
    }

    /** Every failed copy is tried again now, with a fresh retry limit (after the user corrected the account). */
    public void retryFailed() {
        canRetry.set(false);
        BackgroundTask.of("retry the failed Sent-folder copies", store::retryFailedCopies)
                .onSuccess(count -> status.set(texts.get("copies.retrying", count)))
                .onFailure(failure -> status.set(BackgroundTask.messageOf(failure)))
                .onFinished(this::refresh)
                .executeWith(tasks);
    }

    private String describe(List<SentCopyEntry> copies) {
        List<String> lines = new ArrayList<>();
        for (SentCopyEntry copy : copies.subList(0, Math.min(SHOWN, copies.size()))) {
            lines.add(texts.get("copies.line", VisibleText.of(copy.subject()), RowTexts.copyNote(texts, copy)));
        }
        if (copies.size() > SHOWN) {
            lines.add(texts.get("copies.more", copies.size() - SHOWN));
        }
        return String.join("\n", lines);
    }
}
