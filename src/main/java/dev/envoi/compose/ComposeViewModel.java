package dev.envoi.compose;

import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore;
import dev.envoi.store.MessageSummary;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One compose window without a window. It joins {@link #message() the message being written} and
 * {@link #sending() its send flow}, shows their status and errors, and answers the window's own
 * questions: may it close (unsaved changes), which drafts wait, where a draft opens, and the way
 * to the outbox and accounts windows. Store work runs as {@link BackgroundTask}s, one at a time per
 * window (an autosave never overlaps the submit after it); results come back on the UI thread.
 */
public final class ComposeViewModel {

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final DraftSession session;
    private final Consumer<EntryId> openDraftWindow;
    private final Runnable openOutbox;
    private final Runnable openAccounts;
    private final Texts texts = Texts.of(ComposeViewModel.class);
    private final ComposeStatus status = new ComposeStatus();
    private final MessageViewModel message;
    private final SendViewModel sending;
    private final BodyImages bodyImages;
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();

    public ComposeViewModel(ComposeContext context, DialogService dialogs, FileChooserService fileChooser,
                            List<Sender> senderChoices) {
        this.store = context.store();
        this.tasks = new TaskExecutor(context.background(), context.ui()).serial();
        this.dialogs = dialogs;
        this.openDraftWindow = context.openDraftWindow();
        this.openOutbox = context.openOutbox();
        this.openAccounts = context.openAccounts();
        this.session = new DraftSession(store);
        this.message = new MessageViewModel(context, tasks, session, status, texts, fileChooser, senderChoices);
        this.sending = new SendViewModel(context, message, tasks, session, status, texts, dialogs,
                () -> closeRequested.set(true));
        this.bodyImages = new BodyImages(store, tasks, dialogs, status, texts, message.attachments());
        title.bind(Bindings.createStringBinding(() -> message.subjectProperty().get().isBlank()
                ? texts.get("title.new") : texts.get("title.subject", message.subjectProperty().get()),
                message.subjectProperty()));
    }

    /** The message being written: its fields, attachments, draft and unsaved changes. */
    public MessageViewModel message() {
        return message;
    }

    /** Sending it: the send state, Send and Cancel. */
    public SendViewModel sending() {
        return sending;
    }

    /** Images pasted or dropped into the body: scaled if the sender wants, kept in the vault. */
    public BodyImages bodyImages() {
        return bodyImages;
    }

    /** The words of this window, in the user's language. */
    public Texts texts() {
        return texts;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return status.error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    private record DraftCounts(int returned, int all) {
    }

    /** The newest drafts and how many there are in all. */
    public record RecentDrafts(List<MessageSummary> newest, int all) {
    }

    /**
     * Reads the {@code limit} newest drafts and the count of all (off the FX thread) and hands them
     * to {@code show} on the FX thread: a menu of thousands of drafts helps no one (issue 21).
     */
    public void listRecentDrafts(int limit, Consumer<RecentDrafts> show) {
        BackgroundTask.of("listing the drafts", () -> new RecentDrafts(store.draftPage(0, limit), store.draftCount()))
                .onSuccess(show)
                .onFailure(e -> status.error.set(texts.get("error.listDrafts", BackgroundTask.messageOf(e))))
                .executeWith(tasks);
    }

    /** At start with nothing to compose: says so when drafts are waiting, so none is forgotten. */
    public void offerDrafts() {
        // Counted, not listed: a year of use may leave thousands of drafts (issue 21).
        BackgroundTask.of("counting the drafts", () -> new DraftCounts(store.returnedDraftCount(), store.draftCount()))
                .onSuccess(counts -> {
                    if (counts.returned() > 0) {
                        status.status.set(texts.get("status.returnedDrafts", counts.returned()));
                    } else if (counts.all() > 0) {
                        status.status.set(texts.get("status.drafts", counts.all()));
                    }
                })
                .onFailure(e -> status.error.set(texts.get("error.listDrafts", BackgroundTask.messageOf(e))))
                .executeWith(tasks);
    }

    /** Opens a draft here when this window holds nothing yet, else in a window of its own. */
    public void openDraft(EntryId draftId) {
        if (message.isEmpty() && message.editingProperty().get()) {
            message.open(draftId);
        } else {
            openDraftWindow.accept(draftId);
        }
    }

    /** Shows the outbox window (every message not yet sent). */
    public void openOutbox() {
        openOutbox.run();
    }

    /** Shows the accounts window (where the From identities come from). */
    public void openAccounts() {
        openAccounts.run();
    }

    /** Closes the window as its close button would (Ctrl+W), asking about unsaved changes first. */
    public void close() {
        if (requestClose()) {
            closeRequested.set(true);
        }
    }

    /**
     * The window wants to close. A sending message goes on in the outbox; unsaved changes are
     * saved, discarded or the close is called off, as the user chooses.
     *
     * @return true when the window may close now
     */
    public boolean requestClose() {
        if (sending.sendingProperty().get() || !message.dirtyProperty().get() || message.isEmpty()) {
            return true;
        }
        return switch (dialogs.askAboutUnsavedChanges()) {
            case SAVE -> {
                message.saveDraft();
                yield true;
            }
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /**
     * Ends every subscription and timer; the view-model can then be collected. The answer completes
     * once the store work this window started (a submit, a save) is done and its draft closed:
     * until then, quitting would lose that work.
     */
    public CompletionStage<Void> dispose() {
        sending.dispose();
        message.stopAutosave();
        // Queued after that work; a failure to close is in the log, and the window closes all the same.
        return BackgroundTask.run("closing the window's draft", session::close).executeWith(tasks)
                .handle((closed, failure) -> null);
    }
}
