package dev.envoi.outbox;

import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageStore;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.SentCopyEntry;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * Everything the outbox window shows and does, without a window: the messages not yet sent, the
 * drafts and the sent ones, kept live from the store's queue events, and the actions on them.
 * Store work runs as {@link BackgroundTask}s, one after another; results come back on the UI executor.
 */
public final class OutboxViewModel {

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final OutboxContext context;
    private final OutboxDialogs dialogs;
    private final Texts texts;
    private final RowTexts rows;
    /** Every list is read a page at a time (issue 21: 10,000 queued, 2,000 drafts, 100,000 sent). */
    private final PagedRows<OutboxRow> queue;
    private final PagedRows<FolderRow> drafts;
    private final PagedRows<FolderRow> sent;
    private final PagedRows.Source<OutboxRow> queueSource = queueSource();
    private final PagedRows.Source<FolderRow> draftSource = draftSource();
    private final PagedRows.Source<FolderRow> sentSource = sentSource();
    /** The unfinished copies for the server's Sent folder, as last read, for the Sent rows' notes. */
    private volatile Map<EntryId, SentCopyEntry> copies = Map.of();
    private final ObjectProperty<OutboxRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<FolderRow> selectedDraft = new SimpleObjectProperty<>();
    private final ObjectProperty<FolderRow> selectedSent = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final Map<EntryId, Double> progress = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private QueueSubscription subscription;
    private Runnable progressSubscription = () -> { };

    public OutboxViewModel(OutboxContext context, OutboxDialogs dialogs, Texts texts) {
        this.context = context;
        this.store = context.store();
        this.tasks = new TaskExecutor(context.background(), context.ui()).serial();
        this.dialogs = dialogs;
        this.texts = texts;
        this.rows = new RowTexts(texts);
        FolderRow blank = new FolderRow(null, "", "", "", "", "");
        // A row not read yet allows nothing: no state of its own, nothing to cancel, no account.
        OutboxRow unread = new OutboxRow(null, OutboxState.DRAFT, "", "", "", "", -1, false, false);
        this.queue = new PagedRows<>(queueSource, unread, context.background(), context.ui());
        this.drafts = new PagedRows<>(draftSource, blank, context.background(), context.ui());
        this.sent = new PagedRows<>(sentSource, blank, context.background(), context.ui());
        selected.addListener((o, was, row) -> explanation.set(row != null && row.state() == OutboxState.UNCERTAIN
                ? texts.get("uncertain.explanation") : ""));
    }

    // ---- Properties for the view ----------------------------------------------------------------

    public ObservableList<OutboxRow> queue() {
        return queue;
    }

    public ObservableList<FolderRow> drafts() {
        return drafts;
    }

    public ObservableList<FolderRow> sent() {
        return sent;
    }

    /** Each is true once its folder has been counted: until then no list is known to be empty. */
    public ReadOnlyBooleanProperty queueCounted() {
        return queue.countedProperty();
    }

    public ReadOnlyBooleanProperty draftsCounted() {
        return drafts.countedProperty();
    }

    public ReadOnlyBooleanProperty sentCounted() {
        return sent.countedProperty();
    }

    public ObjectProperty<OutboxRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<FolderRow> selectedDraftProperty() {
        return selectedDraft;
    }

    public ObjectProperty<FolderRow> selectedSentProperty() {
        return selectedSent;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why Envoi cannot know whether an uncertain message arrived; empty for other rows. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public BooleanBinding canCancel() {
        return can(OutboxRow::cancellable);
    }

    public BooleanBinding canSendNow() {
        return can(OutboxRow::canSendNow);
    }

    public BooleanBinding canEdit() {
        return can(OutboxRow::canEdit);
    }

    public BooleanBinding canSendAgain() {
        return can(OutboxRow::canSendAgain);
    }

    public BooleanBinding canMarkSent() {
        return can(OutboxRow::canMarkSent);
    }

    public BooleanBinding canChooseAccount() {
        return can(OutboxRow::canChooseAccount);
    }

    private BooleanBinding can(Function<OutboxRow, Boolean> test) {
        return Bindings.createBooleanBinding(() -> selected.get() != null && test.apply(selected.get()), selected);
    }

    // ---- Commands ---------------------------------------------------------------------------------

    /** Starts listening to the queue and the spooler, and reads the folders once. */
    public void start() {
        subscription = store.subscribe(event -> refresh());
        progressSubscription = context.progress().subscribe((id, written, total) -> {
            progress.put(id, total <= 0 ? -1 : Math.min(1.0, (double) written / total));
            refresh();
        });
        refresh();
    }

    /** Reads the folders again (coalesced: a burst of events makes one read). */
    public void refresh() {
        if (!refreshPending.compareAndSet(false, true)) {
            return;
        }
        BackgroundTask.of("reading the outbox", () -> {
            refreshPending.set(false);
            return read();
        }).onSuccess(this::show)
                .onFailure(e -> error.set(texts.get("error.read", e.getMessage())))
                .executeWith(tasks);
    }

    /** Cancel (MAPI AbortSubmit): back to Drafts, and opened in a compose window. */
    public void cancelSelected() {
        withSelected(row -> {
            EntryId draft = store.abortSubmit(row.id());
            return () -> {
                status.set(texts.get("status.cancelled", row.subject()));
                context.openDraftWindow().accept(draft);
            };
        });
    }

    public void sendNowSelected() {
        withSelected(row -> {
            store.sendNow(row.id());
            return () -> status.set(texts.get("status.sendingNow", row.subject()));
        });
    }

    /** A failed message goes back to Drafts and opens for editing. */
    public void editSelected() {
        cancelSelected();
    }

    public void sendAgainSelected() {
        OutboxRow row = selected.get();
        if (row != null && (row.state() != OutboxState.UNCERTAIN || dialogs.confirmSendAgain(row.subject()))) {
            withSelected(r -> {
                store.resend(r.id());
                return () -> status.set(texts.get("status.sendingAgain", r.subject()));
            });
        }
    }

    public void markSentSelected() {
        OutboxRow row = selected.get();
        if (row != null && dialogs.confirmMarkSent(row.subject())) {
            withSelected(r -> {
                store.markSent(r.id());
                return () -> status.set(texts.get("status.markedSent", r.subject()));
            });
        }
    }

    /**
     * Another account for the selected message (its own was removed or cannot send): the accounts
     * of its sender are offered; with none, the user is told to add one or edit the message.
     */
    public void chooseAccountSelected() {
        OutboxRow row = selected.get();
        if (row == null) {
            return;
        }
        error.set("");
        BackgroundTask.of("listing the accounts a message may take", () -> store.otherAccountsFor(row.id()))
                .onSuccess(accounts -> {
                    if (accounts.isEmpty()) {
                        error.set(texts.get("error.noOtherAccount", row.subject()));
                        return;
                    }
                    dialogs.chooseAccount(row.subject(), accounts).ifPresent(account -> run(() -> {
                        store.reassign(row.id(), account);
                        return () -> status.set(texts.get("status.reassigned", row.subject(), account));
                    }));
                })
                .onFailure(e -> error.set(BackgroundTask.messageOf(e)))
                .executeWith(tasks);
    }

    public void openSelectedDraft() {
        FolderRow row = selectedDraft.get();
        if (row != null && !drafts.isPlaceholder(row)) {
            context.openDraftWindow().accept(row.id());
        }
    }

    public void deleteSelectedDraft() {
        FolderRow row = selectedDraft.get();
        if (row == null || drafts.isPlaceholder(row) || !dialogs.confirmDeleteDraft(row.subject())) {
            return;
        }
        run(() -> {
            store.deleteDraft(row.id());
            return () -> status.set(texts.get("status.deleted", row.subject()));
        });
    }

    public void openSelectedSent() {
        FolderRow row = selectedSent.get();
        if (row != null && !sent.isPlaceholder(row)) {
            context.openSentViewer().accept(row.id());
        }
    }

    /** Ends every subscription; the view-model can then be collected. */
    public void dispose() {
        if (subscription != null) {
            subscription.close();
        }
        progressSubscription.run();
    }

    // ---- Internals --------------------------------------------------------------------------------

    private record Snapshot(PagedRows.Snapshot<OutboxRow> queue, PagedRows.Snapshot<FolderRow> drafts,
                            PagedRows.Snapshot<FolderRow> sent) {
    }

    /** The outbox a page at a time, in the queue's order, each row with its transfer's progress. */
    private PagedRows.Source<OutboxRow> queueSource() {
        return PagedRows.Source.of(() -> store.outboxCount(), (offset, limit) -> store.outboxPage(offset, limit).stream()
                .map(e -> rows.row(e, abortable(e), progress.getOrDefault(e.id(), -1.0))).toList());
    }

    /** Drafts a page at a time, newest first; a message that came back says why. */
    private PagedRows.Source<FolderRow> draftSource() {
        return PagedRows.Source.of(() -> store.draftCount(), (offset, limit) -> store.draftPage(offset, limit).stream()
                .map(s -> rows.folderRow(s, true)).toList());
    }

    /** Sent a page at a time (a year of mail is 100,000 rows), each row with its copy's note. */
    private PagedRows.Source<FolderRow> sentSource() {
        return PagedRows.Source.of(() -> store.sentCount(), (offset, limit) -> {
            Map<EntryId, SentCopyEntry> notes = copies;
            return store.sentPage(offset, limit).stream().map(s -> rows.sentRow(s, notes.get(s.id()))).toList();
        });
    }

    /** The counts and the pages in view, afresh: a refresh never reads a whole folder. */
    private Snapshot read() {
        PagedRows.Snapshot<OutboxRow> queued = queue.read(queueSource);
        // Only a message still being sent keeps its progress; a page not in view gets it at the next event.
        progress.keySet().retainAll(queued.pages().values().stream().flatMap(List::stream)
                .filter(r -> r.state() == OutboxState.SENDING).map(OutboxRow::id).toList());
        Map<EntryId, SentCopyEntry> unfinished = new java.util.HashMap<>();
        store.unfinishedCopies().forEach(copy -> unfinished.put(copy.sentId(), copy));
        copies = unfinished;
        return new Snapshot(queued, drafts.read(draftSource), sent.read(sentSource));
    }

    /**
     * A queued or retrying message is never past its hand-off (the store clears the hand-off
     * when it queues or retries one), so only the others need asking: with 10,000 queued, one
     * question each took longer than reading the whole outbox.
     */
    private boolean abortable(OutboxEntry entry) {
        return entry.state() == OutboxState.QUEUED || entry.state() == OutboxState.RETRYING || store.canAbort(entry.id());
    }

    private void show(Snapshot snapshot) {
        EntryId keep = selected.get() == null ? null : selected.get().id();
        EntryId keepDraft = selectedDraft.get() == null ? null : selectedDraft.get().id();
        EntryId keepSent = selectedSent.get() == null ? null : selectedSent.get().id();
        queue.show(snapshot.queue());
        drafts.show(snapshot.drafts());
        sent.show(snapshot.sent());
        selected.set(queue.findLoaded(r -> r.id().equals(keep)).orElse(null));
        selectedDraft.set(drafts.findLoaded(r -> r.id().equals(keepDraft)).orElse(null));
        selectedSent.set(sent.findLoaded(r -> r.id().equals(keepSent)).orElse(null));
    }

    private void withSelected(Function<OutboxRow, Runnable> action) {
        OutboxRow row = selected.get();
        if (row != null && !queue.isPlaceholder(row)) {
            run(() -> action.apply(row));
        }
    }

    /** Runs an action on the selection; whatever becomes of it, the folders are read again after. */
    private void run(BackgroundTask.Work<Runnable> action) {
        error.set("");
        BackgroundTask.of("an outbox action", action)
                .onSuccess(Runnable::run)
                .onFailure(e -> error.set(BackgroundTask.messageOf(e)))
                .onFinished(this::refresh)
                .executeWith(tasks);
    }
}
