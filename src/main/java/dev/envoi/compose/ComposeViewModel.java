package dev.envoi.compose;

import dev.envoi.ui.AddressProblems;
import dev.envoi.ui.SerialExecutor;
import dev.envoi.ui.Texts;
import dev.envoi.message.AddressProblem;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.store.MessageStore;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.UnableToAbortException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Everything the compose window shows and does, without a window: fields, chips, attachments,
 * the send state of DESIGN.md, and the commands. All store work runs on the background executor;
 * results come back through the UI executor. After a successful submit it lets go of its
 * recipients, attachments and draft handle.
 */
public final class ComposeViewModel {

    private final MessageStore store;
    private final Executor background;
    private final Executor ui;
    private final Executor lookups;
    private final DialogService dialogs;
    private final FileChooserService fileChooser;
    private final ComposeSettings settings;
    private final DraftSession session;
    private final OutgoingTracker tracker;
    private final Autosave autosave;
    private final Scheduler scheduler;
    private final Runnable progressSubscription;
    private final Consumer<EntryId> openDraftWindow;
    private final Runnable openOutbox;
    private final Runnable openAccounts;

    private final ObservableList<Sender> senders = FXCollections.observableArrayList();
    private final ObjectProperty<Sender> sender = new SimpleObjectProperty<>();
    // The identity of the chosen sender; setting it chooses a sender of that identity.
    private final ObjectProperty<MailAddress> from = new SimpleObjectProperty<>();
    private final Texts texts = Texts.of(ComposeViewModel.class);
    private final RecipientListModel to = new RecipientListModel(texts.get("field.to"), this::describe);
    private final RecipientListModel cc = new RecipientListModel(texts.get("field.cc"), this::describe);
    private final RecipientListModel bcc = new RecipientListModel(texts.get("field.bcc"), this::describe);
    private final BooleanProperty showCcBcc = new SimpleBooleanProperty();
    private final StringProperty subject = new SimpleStringProperty("");
    private final BodyFields bodyFields = new BodyFields();
    private final StringProperty body = bodyFields.text();
    private final BooleanProperty notifyDelivery = new SimpleBooleanProperty();
    private final BooleanProperty readReceipt = new SimpleBooleanProperty();
    private final ObservableList<AttachmentItem> attachments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper totalSize = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SendState> sendState = new ReadOnlyObjectWrapper<>(new SendState.Editing());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSend = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelEnabled = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<HeldMessage> held = new ReadOnlyObjectWrapper<>(HeldMessage.NONE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(ProgressIndicatorValues.INDETERMINATE);
    private final ReadOnlyBooleanWrapper progressVisible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper optionsText = new ReadOnlyStringWrapper();
    private boolean loading;
    /** The body as Envoi last filled it in (a signature alone): a message holding only that is empty. */
    private String untouchedBody = "";
    private long edits;
    /** The submit of a message just sent, until the frame that shows the sending look is drawn. */
    private Runnable pendingSubmit;

    public ComposeViewModel(ComposeContext context, DialogService dialogs, FileChooserService fileChooser,
                            List<Sender> senderChoices) {
        this.store = context.store();
        // One window's store work runs in order: an autosave never overlaps the submit after it.
        this.background = new SerialExecutor(context.background());
        this.ui = context.ui();
        this.lookups = context.background();
        this.dialogs = dialogs;
        this.fileChooser = fileChooser;
        this.settings = context.settings();
        this.openDraftWindow = context.openDraftWindow();
        this.openOutbox = context.openOutbox();
        this.openAccounts = context.openAccounts();
        this.session = new DraftSession(store);
        this.senders.setAll(senderChoices);
        FromChoice.link(senders, sender, from);
        this.sender.set(senderChoices.isEmpty() ? null : senderChoices.get(0));
        this.scheduler = context.scheduler();
        this.autosave = new Autosave(scheduler, settings.autosaveDelay(), this::autosaveNow);
        this.tracker = new OutgoingTracker(store, background, ui, scheduler, context.clock(), texts,
                id -> DraftView.of(session.reopen(id)), this::applyTracked);
        this.progressSubscription = context.progress().subscribe(tracker::progress);
        sending.bind(Bindings.createBooleanBinding(() -> sendState.get().isSending(), sendState));
        editing.bind(Bindings.createBooleanBinding(() -> sendState.get().isEditing(), sendState));
        // Only a transfer has a progress to show; submitting says so in words and draws nothing new.
        progressVisible.bind(Bindings.createBooleanBinding(() -> sendState.get() instanceof SendState.Transferring,
                sendState));
        progress.bind(Bindings.createDoubleBinding(() -> ProgressIndicatorValues.of(sendState.get()), sendState));
        canSend.bind(Bindings.createBooleanBinding(() -> !busy.get() && editing.get(), busy, editing));
        title.bind(Bindings.createStringBinding(() -> subject.get().isBlank() ? texts.get("title.new")
                : texts.get("title.subject", subject.get()), subject));
        // The menu's own label shows that an option is on, so it is seen without opening the menu.
        optionsText.bind(Bindings.createStringBinding(() -> texts.get(notifyDelivery.get() || readReceipt.get()
                ? "button.options.on" : "button.options"), notifyDelivery, readReceipt));
        totalSize.bind(Bindings.createStringBinding(() -> attachments.isEmpty() ? held.get().totalSize()
                : texts.size(attachmentBytes()), attachments, held));
        watchForChanges();
    }

    // ---- Properties for the view ----------------------------------------------------------------

    /** The From list: an identity and the account that sends it, the name shown where addresses repeat. */
    public ObservableList<Sender> senders() {
        return senders;
    }

    public ObjectProperty<Sender> senderProperty() {
        return sender;
    }

    /** Accounts added or changed elsewhere: the From list follows, the same account stays chosen. */
    public void offerSenders(List<Sender> fresh) {
        Sender chosen = sender.get();
        FromChoice.merge(senders, fresh);
        if (chosen != null && chosen.account().isPresent()) {
            senders.stream().filter(s -> s.account().equals(chosen.account())).findFirst().ifPresent(sender::set);
        }
    }

    /** The chosen identity; setting it chooses the first sender of that identity (added if new). */
    public ObjectProperty<MailAddress> fromProperty() {
        return from;
    }

    public RecipientListModel to() {
        return to;
    }

    public RecipientListModel cc() {
        return cc;
    }

    public RecipientListModel bcc() {
        return bcc;
    }

    public BooleanProperty showCcBccProperty() {
        return showCcBcc;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    /** The stored form of the body's formatting (empty for none); the editor keeps it with the text. */
    public StringProperty bodyHtmlProperty() {
        return bodyFields.html();
    }

    /**
     * Lets the editor write {@link #bodyHtmlProperty()} after a pause in typing: {@code flush} brings it
     * up to date, and runs before every save and send.
     */
    public void setPendingBodyHtml(Runnable flush) {
        bodyFields.setPendingHtml(flush);
    }

    /** "Plain text only": the message goes without its HTML part. */
    public BooleanProperty plainTextOnlyProperty() {
        return bodyFields.plainTextOnly();
    }

    /** "Tell me when it is delivered": a delivery status notification, where the server offers DSN. */
    public BooleanProperty notifyDeliveryProperty() {
        return notifyDelivery;
    }

    /** "Ask for a read receipt": the recipient's program may confirm the message was displayed. */
    public BooleanProperty readReceiptProperty() {
        return readReceipt;
    }

    /** The label of the options menu: it says when an option is on. */
    public ReadOnlyStringProperty optionsTextProperty() {
        return optionsText.getReadOnlyProperty();
    }

    public ObservableList<AttachmentItem> attachments() {
        return attachments;
    }

    public ReadOnlyStringProperty totalSizeProperty() {
        return totalSize.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SendState> sendStateProperty() {
        return sendState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSendProperty() {
        return canSend.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelEnabledProperty() {
        return cancelEnabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True from Send until the message is handed off or back for editing. */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /**
     * True while the message can be edited; false from Send until it comes back for editing (a
     * cancel, a refusal) or the window closes: the window then shows it and takes no edits.
     */
    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** What a submitted message held, as words, once the lists are released; {@link HeldMessage#NONE} while editing. */
    public ReadOnlyObjectProperty<HeldMessage> heldProperty() {
        return held.getReadOnlyProperty();
    }

    /** Transfer progress, 0 to 1, or indeterminate (negative) while the size is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty progressVisibleProperty() {
        return progressVisible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Addresses used before, for auto-completion; blocks on the store, so call it off the FX thread. */
    public List<MailAddress> suggestions(String prefix) {
        return prefix.isBlank() ? List.of() : store.knownAddresses(prefix.strip(), 8);
    }

    /** {@link #suggestions} looked up in the background, apart from the window's queue of store work. */
    public CompletableFuture<List<MailAddress>> suggestionsFor(String prefix) {
        return CompletableFuture.supplyAsync(() -> suggestions(prefix), lookups);
    }

    // ---- Commands ---------------------------------------------------------------------------------

    /** Fills a new message (command line, mailto: link). */
    public void prefill(List<Recipient> recipients, String newSubject, String newBody, List<Path> files) {
        prefill(recipients, newSubject, newBody, files, DeliveryRequests.NONE);
    }

    /** Fills a new message, with what the sender asks to hear back (command line). */
    public void prefill(List<Recipient> recipients, String newSubject, String newBody, List<Path> files,
                        DeliveryRequests requests) {
        loading = true;
        notifyDelivery.set(requests.notifyDelivery());
        readReceipt.set(requests.readReceipt());
        for (Recipient r : recipients) {
            listFor(r.type()).chips().add(new RecipientChip(r.address().toDisplayString(), r.address(), ""));
        }
        showCcBcc.set(!cc.chips().isEmpty() || !bcc.chips().isEmpty());
        subject.set(newSubject);
        body.set(newBody);
        loading = false;
        if (!files.isEmpty()) {
            attach(files);
        }
    }

    /** The stored HTML of the body as the editor shows it now: an update the editor put off is made first. */
    String bodyHtmlNow() {
        return bodyFields.formatting().html();
    }

    /**
     * Sets the body as Envoi changes it, not the user (SignatureSwap puts a signature in or swaps it):
     * not an edit to save, and a body that held only Envoi's text before holds only Envoi's text after.
     */
    public void replaceBodyQuietly(String text, String html) {
        boolean untouched = body.get().isBlank() || body.get().equals(untouchedBody);
        boolean wasLoading = loading;
        loading = true;
        bodyFields.load(text, new dev.envoi.message.BodyFormatting(html, bodyFields.plainTextOnly().get()));
        loading = wasLoading;
        if (untouched) {
            untouchedBody = text;
        }
    }

    /** The words of this window, in the user's language. */
    public Texts texts() {
        return texts;
    }

    /** Opens a saved draft in this window. */
    public void open(EntryId draftId) {
        busy.set(true);
        background.execute(() -> {
            try {
                Draft draft = session.reopen(draftId);
                DraftView view = DraftView.of(draft);
                ui.execute(() -> {
                    busy.set(false);
                    load(view);
                    // A message that came back (refused, no account to send it) says why, as it did when it came back.
                    if (!view.returnReason().isEmpty()) {
                        error.set(texts.get("error.returned", view.returnReason()));
                    }
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    busy.set(false);
                    error.set(texts.get("error.open", describe(e)));
                });
            }
        });
    }

    /** Lists the drafts (off the FX thread) and hands them to {@code show} on the FX thread. */
    public void listDrafts(Consumer<List<MessageSummary>> show) {
        background.execute(() -> {
            try {
                List<MessageSummary> drafts = store.drafts();
                ui.execute(() -> show.accept(drafts));
            } catch (RuntimeException e) {
                ui.execute(() -> error.set(texts.get("error.listDrafts", describe(e))));
            }
        });
    }

    /** Shows the outbox window (every message not yet sent). */
    public void openOutbox() {
        openOutbox.run();
    }

    /** Shows the accounts window (where the From identities come from). */
    public void openAccounts() {
        openAccounts.run();
    }

    /** The message this window follows while it is on its way, if any. */
    public Optional<EntryId> trackedMessage() {
        return tracker.queuedId();
    }

    /** At start with nothing to compose: says so when drafts are waiting, so none is forgotten. */
    public void offerDrafts() {
        listDrafts(drafts -> {
            long returned = drafts.stream().filter(d -> !d.returnReason().isEmpty()).count();
            if (returned > 0) {
                status.set(texts.get("status.returnedDrafts", returned));
            } else if (!drafts.isEmpty()) {
                status.set(texts.get("status.drafts", drafts.size()));
            }
        });
    }

    /** Opens a draft here when this window holds nothing yet, else in a window of its own. */
    public void openDraft(EntryId draftId) {
        if (isEmpty() && editing.get()) {
            open(draftId);
        } else {
            openDraftWindow.accept(draftId);
        }
    }

    public void attachWithChooser() {
        if (editing.get()) {
            attach(fileChooser.chooseFiles());
        }
    }

    /** Copies files into the profile's vault in the background, then lists them. */
    public void attach(List<Path> files) {
        if (files.isEmpty() || !editing.get()) {
            return;
        }
        busy.set(true);
        status.set(files.size() == 1 ? texts.get("status.attachingOne", files.get(0).getFileName())
                : texts.get("status.attachingMany", files.size()));
        background.execute(() -> {
            List<AttachmentItem> added = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path file : files) {
                try {
                    added.add(new AttachmentItem(store.importAttachment(file), Optional.of(file)));
                } catch (RuntimeException e) {
                    problems.add(describe(e));
                }
            }
            ui.execute(() -> {
                busy.set(false);
                attachments.addAll(added);
                status.set("");
                error.set(String.join("\n", problems));
            });
        });
    }

    public void removeAttachment(AttachmentItem item) {
        if (editing.get()) {
            attachments.remove(item);
        }
    }

    public void saveDraft() {
        if (!editing.get()) {
            return;
        }
        DraftContent content = currentContent();
        long savedEdit = edits;
        autosave.cancel();
        background.execute(() -> {
            try {
                session.save(content);
                ui.execute(() -> {
                    // Typing that happened while the save ran is still unsaved.
                    dirty.set(edits != savedEdit);
                    status.set(texts.get("status.draftSaved"));
                });
            } catch (RuntimeException e) {
                ui.execute(() -> error.set(texts.get("error.save", describe(e))));
            }
        });
    }

    /** Validates, asks what a careful colleague would ask, then saves and submits off the FX thread. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        error.set("");
        to.commitPending();
        cc.commitPending();
        bcc.commitPending();
        Optional<String> problem = SendValidation.problem(from.get(), List.of(to, cc, bcc), subject.get(), texts);
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        if (PreSendChecks.lacksSubject(subject.get()) && !dialogs.confirmSendWithoutSubject()) {
            return;
        }
        if (attachments.isEmpty() && PreSendChecks.mentionsAnAttachment(body.get()) && !dialogs.confirmSendWithoutAttachment()) {
            return;
        }
        long bytes = attachmentBytes();
        if (settings.sizeLimit() > 0 && bytes > settings.sizeLimit()
                && !dialogs.confirmOverSizeLimit(texts.size(bytes), texts.size(settings.sizeLimit()))) {
            return;
        }
        DraftContent content = currentContent();
        List<AttachmentItem> items = List.copyOf(attachments);
        autosave.cancel();
        sendState.set(new SendState.Submitting());
        status.set(texts.get("status.submitting"));
        // The submit starts once the window has drawn its sending look: a large file's integrity
        // check would otherwise take the cores the FX thread needs for that frame.
        pendingSubmit = () -> submit(content, items);
        scheduler.afterNextFrame(this::startPendingSubmit);
    }

    private void startPendingSubmit() {
        Runnable submit = pendingSubmit;
        pendingSubmit = null;
        if (submit != null) {
            submit.run();
        }
    }

    private void submit(DraftContent content, List<AttachmentItem> items) {
        // The account chosen in From is the one the message goes through, and no other.
        MessageStore.SubmitOptions options = MessageStore.SubmitOptions.DEFAULT
                .withAccount(sender.get() == null ? java.util.Optional.empty() : sender.get().account());
        background.execute(() -> {
            try {
                DraftSession.Submitted submitted = session.submit(content, items, options);
                HeldMessage words = HeldMessage.of(content, texts);
                ui.execute(() -> submitted(submitted, words));
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    sendState.set(new SendState.Editing());
                    status.set("");
                    error.set(texts.get("error.send", describe(e)));
                });
            }
        });
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
        status.set(texts.get("status.cancelling"));
        background.execute(() -> {
            try {
                EntryId draftId = store.abortSubmit(queued.get());
                DraftView view = DraftView.of(session.reopen(draftId));
                ui.execute(() -> {
                    load(view);
                    status.set(texts.get("status.cancelled"));
                });
            } catch (UnableToAbortException e) {
                ui.execute(() -> {
                    error.set(texts.get("error.tooLate"));
                    tracker.track(queued.get());
                });
            } catch (RuntimeException e) {
                ui.execute(() -> {
                    error.set(texts.get("error.cancel", describe(e)));
                    tracker.track(queued.get());
                });
            }
        });
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
        if (sendState.get().isSending() || !dirty.get() || isEmpty()) {
            return true;
        }
        return switch (dialogs.askAboutUnsavedChanges()) {
            case SAVE -> {
                saveDraft();
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
        // A message sent just before the window closed is submitted all the same, before the draft is closed.
        startPendingSubmit();
        autosave.cancel();
        tracker.stop();
        progressSubscription.run();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        try {
            background.execute(() -> {
                try {
                    session.close();
                } finally {
                    settled.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            settled.complete(null); // the session is shutting down: no work of this window is left to wait for
        }
        return settled;
    }

    // ---- Internals --------------------------------------------------------------------------------

    private void submitted(DraftSession.Submitted submitted, HeldMessage words) {
        // Let go of what was sent: the message now lives in the outbox, not in this window. Its
        // words come first, so the window still reads right (and keeps its layout) while it is on its way.
        held.set(words);
        to.clear();
        cc.clear();
        bcc.clear();
        attachments.clear();
        dirty.set(false);
        if (submitted.recovered()) {
            status.set(texts.get("status.recovered"));
        }
        tracker.track(submitted.queuedId());
    }

    private void applyTracked(OutgoingTracker.Update update) {
        sendState.set(update.state());
        cancelEnabled.set(update.cancellable());
        status.set(tracker.statusText());
        if (update.returned() != null) {
            DraftView returned = update.returned();
            load(returned);
            error.set(returned.returnReason().isEmpty()
                    ? texts.get("error.cancelledElsewhere") : texts.get("error.refused", returned.returnReason()));
        }
        if (update.state() instanceof SendState.HandedOff && !settings.closeAfterSend().isZero()) {
            scheduler.schedule(settings.closeAfterSend(), () -> closeRequested.set(true));
        }
    }

    private void load(DraftView view) {
        loading = true;
        sendState.set(new SendState.Editing());
        held.set(HeldMessage.NONE);
        cancelEnabled.set(false);
        if (view.from() != null) {
            from.set(view.from());
        }
        to.setAddresses(view.recipients(RecipientType.TO), view.refused(), texts.get("chip.refused"));
        cc.setAddresses(view.recipients(RecipientType.CC), view.refused(), texts.get("chip.refused"));
        bcc.setAddresses(view.recipients(RecipientType.BCC), view.refused(), texts.get("chip.refused"));
        showCcBcc.set(showCcBcc.get() || !cc.chips().isEmpty() || !bcc.chips().isEmpty());
        subject.set(view.subject());
        bodyFields.load(view.body(), view.formatting());
        attachments.setAll(view.attachments());
        notifyDelivery.set(view.deliveryRequests().notifyDelivery());
        readReceipt.set(view.deliveryRequests().readReceipt());
        dirty.set(false);
        loading = false;
    }

    private DraftContent currentContent() {
        List<Recipient> recipients = new ArrayList<>();
        for (RecipientType type : RecipientType.values()) {
            listFor(type).addresses().forEach(a -> recipients.add(new Recipient(type, a)));
        }
        return new DraftContent(from.get(), recipients, subject.get(), body.get(),
                attachments.stream().map(AttachmentItem::attachment).toList(),
                new DeliveryRequests(notifyDelivery.get(), readReceipt.get()), bodyFields.formatting());
    }

    private RecipientListModel listFor(RecipientType type) {
        return switch (type) {
            case TO -> to;
            case CC -> cc;
            case BCC -> bcc;
        };
    }

    private long attachmentBytes() {
        return attachments.stream().mapToLong(AttachmentItem::size).sum();
    }

    private boolean isEmpty() {
        return to.chips().isEmpty() && cc.chips().isEmpty() && bcc.chips().isEmpty() && subject.get().isBlank()
                && (body.get().isBlank() || body.get().equals(untouchedBody)) && attachments.isEmpty();
    }

    private void watchForChanges() {
        Runnable changed = () -> {
            if (!loading && editing.get()) {
                edits++;
                dirty.set(true);
                autosave.changed();
            }
        };
        subject.addListener((o, a, b) -> changed.run());
        bodyFields.onChange(changed);
        from.addListener((o, a, b) -> changed.run());
        notifyDelivery.addListener((o, a, b) -> changed.run());
        readReceipt.addListener((o, a, b) -> changed.run());
        ListChangeListener<Object> listChanged = c -> changed.run();
        to.chips().addListener(listChanged);
        cc.chips().addListener(listChanged);
        bcc.chips().addListener(listChanged);
        attachments.addListener(listChanged);
    }

    private void autosaveNow() {
        if (dirty.get() && editing.get() && !isEmpty()) {
            saveDraft();
        }
    }

    /** The draft handle this window holds, if any; tests check that a submitted one is spent. */
    Optional<Draft> draftHandle() {
        return session.handle();
    }

    /** What is wrong with a typed address, in the user's language. */
    private String describe(AddressProblem.Issue issue) {
        return AddressProblems.describe(issue);
    }

    private static String describe(RuntimeException e) {
        return Objects.requireNonNullElse(e.getMessage(), e.toString());
    }
}
