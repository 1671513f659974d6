package dev.envoi.compose;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore;
import dev.envoi.store.UnableToAbortException;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The send flow of a compose window, with the send states of DESIGN.md: Send validates the
 * message and asks what a careful colleague would ask, then submits it; the message is followed
 * through the queue until it is handed off or comes back, and may be taken back (Cancel) while the
 * store allows it. While it is on its way, the message takes no edits.
 */
public final class SendViewModel {

    /** What a submit gave: where the message is now, and the words the window keeps of it. */
    private record Submitted(DraftSession.Submitted where, HeldMessage words) {
    }

    private final MessageViewModel message;
    private final MessageStore store;
    private final TaskExecutor tasks;
    private final DraftSession session;
    private final ComposeStatus status;
    private final Texts texts;
    private final DialogService dialogs;
    private final ComposeSettings settings;
    private final Scheduler scheduler;
    private final Runnable closeWindow;
    private final OutgoingTracker tracker;
    private final Runnable progressSubscription;

    private final ReadOnlyObjectWrapper<SendState> sendState = new ReadOnlyObjectWrapper<>(new SendState.Editing());
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(ProgressIndicatorValues.INDETERMINATE);
    private final ReadOnlyBooleanWrapper progressVisible = new ReadOnlyBooleanWrapper();
    /** Whether the message takes edits: true exactly while the send state is Editing. */
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    /** The submit of a message just sent, until the frame that shows the sending look is drawn. */
    private Runnable pendingSubmit;

    SendViewModel(ComposeContext context, MessageViewModel message, TaskExecutor tasks, DraftSession session,
                  ComposeStatus status, Texts texts, DialogService dialogs, Runnable closeWindow) {
        this.message = message;
        this.store = context.store();
        this.tasks = tasks;
        this.session = session;
        this.status = status;
        this.texts = texts;
        this.dialogs = dialogs;
        this.settings = context.settings();
        this.scheduler = context.scheduler();
        this.closeWindow = closeWindow;
        this.tracker = new OutgoingTracker(store, tasks, context.ui(), scheduler, context.clock(), texts,
                id -> DraftView.of(session.reopen(id)), this::applyTracked);
        this.progressSubscription = context.progress().subscribe(tracker::progress);
        // Set by value, not bound: a binding on sendState would invalidate the whole window's
        // editing, sending and visibility (a dozen bound controls) at every progress tick of a
        // transfer, though none of them changes; a set of an equal value tells no one.
        show(sendState.get());
        sendState.addListener((o, was, now) -> show(now));
        message.editableWhile(editable);
        canSend.bind(Bindings.createBooleanBinding(() -> !status.busy.get() && message.editingProperty().get(),
                status.busy, message.editingProperty()));
    }

    // ---- Properties for the view ----------------------------------------------------------------

    /** What the window shows of a send state; setting an equal value tells no one. */
    private void show(SendState state) {
        editable.set(state.isEditing());
        sending.set(state.isSending());
        // Only a transfer has a progress to show; submitting says so in words and draws nothing new.
        progressVisible.set(state instanceof SendState.Transferring);
        progress.set(ProgressIndicatorValues.of(state));
    }

    public ReadOnlyObjectProperty<SendState> sendStateProperty() {
        return sendState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelEnabledProperty() {
        return cancelEnabled.getReadOnlyProperty();
    }

    /** True from Send until the message is handed off or back for editing. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Transfer progress, 0 to 1, or indeterminate (negative) while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty progressVisibleProperty() {
        return progressVisible.getReadOnlyProperty();
    }

    /** The message this window follows while it is on its way, if any. */
    public Optional<EntryId> trackedMessage() {
        return tracker.queuedId();
    }

    // ---- Commands ---------------------------------------------------------------------------------

    /** Validates, asks what a careful colleague would ask, then saves and submits off the FX thread. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        status.error.set("");
        Optional<String> problem = message.problem();
        if (problem.isPresent()) {
            status.error.set(problem.get());
            return;
        }
        if (message.lacksSubject() && !dialogs.confirmSendWithoutSubject()) {
            return;
        }
        if (message.forgetsAnAttachment() && !dialogs.confirmSendWithoutAttachment()) {
            return;
        }
        long bytes = message.attachmentBytes();
        if (settings.sizeLimit() > 0 && bytes > settings.sizeLimit()
                && !dialogs.confirmOverSizeLimit(texts.size(bytes), texts.size(settings.sizeLimit()))) {
            return;
        }
        DraftContent content = message.content();
        List<AttachmentItem> items = List.copyOf(message.attachments());
        message.stopAutosave();
        sendState.set(new SendState.Submitting());
        status.status.set(texts.get("status.submitting"));
        // The submit starts once the window has drawn its sending look: a large file's integrity
        // check would otherwise take the cores the FX thread needs for that frame.
        pendingSubmit = () -> submit(content, items);
        scheduler.afterNextFrame(this::startPendingSubmit);
    }

    /** MAPI AbortSubmit: takes the message back, if the store still allows it. */
    public void cancel() {
        Optional<EntryId> queued = tracker.queuedId();
        if (!cancelEnabled.get() || queued.isEmpty()) {
            return;
        }
        // Stop following first, so the store's "aborted" event is not taken for a cancel from elsewhere.
        tracker.stop();
        cancelEnabled.set(false);
        status.status.set(texts.get("status.cancelling"));
        BackgroundTask.of("taking a message back", () -> DraftView.of(session.reopen(store.abortSubmit(queued.get()))))
                .onSuccess(view -> {
                    backToEditing(view);
                    status.status.set(texts.get("status.cancelled"));
                })
                .onFailure(e -> {
                    status.error.set(e instanceof UnableToAbortException ? texts.get("error.tooLate")
                            : texts.get("error.cancel", BackgroundTask.messageOf(e)));
                    tracker.track(queued.get());
                })
                .executeWith(tasks);
    }

    /**
     * The window closes: a message sent just before is submitted all the same (before the window's
     * draft is closed), and the message is followed no more; it goes on in the outbox.
     */
    void dispose() {
        startPendingSubmit();
        tracker.stop();
        progressSubscription.run();
    }

    // ---- Internals --------------------------------------------------------------------------------

    private void startPendingSubmit() {
        Runnable submit = pendingSubmit;
        pendingSubmit = null;
        if (submit != null) {
            submit.run();
        }
    }

    private void submit(DraftContent content, List<AttachmentItem> items) {
        MessageStore.SubmitOptions options = MessageStore.SubmitOptions.DEFAULT.withAccount(message.account());
        BackgroundTask.of("submitting a message",
                        () -> new Submitted(session.submit(content, items, options), HeldMessage.of(content, texts)))
                .onSuccess(this::submitted)
                .onFailure(e -> {
                    sendState.set(new SendState.Editing());
                    status.status.set("");
                    status.error.set(texts.get("error.send", BackgroundTask.messageOf(e)));
                })
                .executeWith(tasks);
    }

    private void submitted(Submitted submitted) {
        message.release(submitted.words());
        if (submitted.where().recovered()) {
            status.status.set(texts.get("status.recovered"));
        }
        tracker.track(submitted.where().queuedId());
    }

    private void applyTracked(OutgoingTracker.Update update) {
        sendState.set(update.state());
        cancelEnabled.set(update.cancellable());
        status.status.set(tracker.statusText());
        if (update.returned() != null) {
            DraftView returned = update.returned();
            backToEditing(returned);
            status.error.set(returned.returnReason().isEmpty()
                    ? texts.get("error.cancelledElsewhere") : texts.get("error.refused", returned.returnReason()));
        }
        if (update.state() instanceof SendState.HandedOff && !settings.closeAfterSend().isZero()) {
            scheduler.schedule(settings.closeAfterSend(), closeWindow);
        }
    }

    /** The message came back (a cancel, a refusal): the window shows it for editing again. */
    private void backToEditing(DraftView view) {
        sendState.set(new SendState.Editing());
        cancelEnabled.set(false);
        message.load(view);
    }
}
