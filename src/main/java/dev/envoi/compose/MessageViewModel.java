package dev.envoi.compose;

import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.store.MessageStore;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The message being written in a compose window: its fields, whether they changed since the last
 * save (dirty tracking, autosave), what stops it from going as it stands (validation), and its
 * draft in the store (save, open). Everything about the body lives here: its property, how it goes
 * into the draft and comes back, and how it counts as a change. It takes edits only while the
 * send flow lets it ({@link #editingProperty()}).
 */
public final class MessageViewModel {

    private final MessageStore store;
    private final TaskExecutor tasks;
    private final Executor lookups;
    private final DraftSession session;
    private final ComposeStatus status;
    private final Texts texts;
    private final Autosave autosave;
    private final MessageAttachments files;

    private final ObservableList<Sender> senders = FXCollections.observableArrayList();
    private final ObjectProperty<Sender> sender = new SimpleObjectProperty<>();
    // The identity of the chosen sender; setting it chooses a sender of that identity.
    private final ObjectProperty<MailAddress> from = new SimpleObjectProperty<>();
    private final MessageRecipients recipients;
    private final StringProperty subject = new SimpleStringProperty("");
    private final BodyFields bodyFields = new BodyFields();
    private final StringProperty body = bodyFields.text();
    private final BooleanProperty notifyDelivery = new SimpleBooleanProperty();
    private final BooleanProperty readReceipt = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper optionsText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<HeldMessage> held = new ReadOnlyObjectWrapper<>(HeldMessage.NONE);
    private boolean loading;
    private long edits;

    MessageViewModel(ComposeContext context, TaskExecutor tasks, DraftSession session, ComposeStatus status,
                     Texts texts, FileChooserService fileChooser, List<Sender> senderChoices) {
        this.store = context.store();
        this.tasks = tasks;
        this.lookups = context.background();
        this.session = session;
        this.status = status;
        this.texts = texts;
        this.recipients = new MessageRecipients(texts);
        this.files = new MessageAttachments(store, tasks, status, texts, fileChooser, editing, held);
        this.senders.setAll(senderChoices);
        FromChoice.link(senders, sender, from);
        this.sender.set(senderChoices.isEmpty() ? null : senderChoices.get(0));
        this.autosave = new Autosave(context.scheduler(), context.settings().autosaveDelay(), this::autosaveNow);
        // The menu's own label shows that an option is on, so it is seen without opening the menu.
        optionsText.bind(Bindings.createStringBinding(() -> texts.get(notifyDelivery.get() || readReceipt.get()
                ? "button.options.on" : "button.options"), notifyDelivery, readReceipt));
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
        return recipients.to();
    }

    public RecipientListModel cc() {
        return recipients.cc();
    }

    public RecipientListModel bcc() {
        return recipients.bcc();
    }

    public BooleanProperty showCcBccProperty() {
        return recipients.showCcBccProperty();
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

    /** The stored HTML of the body as the editor shows it now: an update the editor put off is made first. */
    String bodyHtmlNow() {
        return bodyFields.formatting().html();
    }

    /**
     * Sets the body as Envoi changes it, not the user (SignatureSwap puts a signature in or swaps it):
     * not an edit to save, and a body that held only Envoi's text before holds only Envoi's text after.
     */
    public void replaceBodyQuietly(String text, String html) {
        boolean wasLoading = loading;
        loading = true;
        bodyFields.replaceByEnvoi(text, html);
        loading = wasLoading;
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
        return files.items();
    }

    public ReadOnlyStringProperty totalSizeProperty() {
        return files.totalSizeProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
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

    /** Addresses used before, for auto-completion; blocks on the store, so call it off the FX thread. */
    public List<MailAddress> suggestions(String prefix) {
        return prefix.isBlank() ? List.of() : store.knownAddresses(prefix.strip(), 8);
    }

    /** {@link #suggestions} looked up in the background, apart from the window's queue of store work. */
    public CompletableFuture<List<MailAddress>> suggestionsFor(String prefix) {
        return CompletableFuture.supplyAsync(() -> suggestions(prefix), lookups);
    }

    // ---- Commands ---------------------------------------------------------------------------------

    /** Fills a new message (command line, mailto: link), with what the sender asks to hear back. */
    public void prefill(List<Recipient> given, String newSubject, String newBody, List<Path> paths,
                        DeliveryRequests requests) {
        loading = true;
        notifyDelivery.set(requests.notifyDelivery());
        readReceipt.set(requests.readReceipt());
        recipients.add(given);
        subject.set(newSubject);
        body.set(newBody);
        loading = false;
        if (!paths.isEmpty()) {
            attach(paths);
        }
    }

    /** Opens a saved draft as this message. */
    public void open(EntryId draftId) {
        status.busy.set(true);
        BackgroundTask.of("opening a draft", () -> DraftView.of(session.reopen(draftId)))
                .onSuccess(view -> {
                    status.busy.set(false);
                    load(view);
                    // A message that came back (refused, no account to send it) says why, as it did when it came back.
                    if (!view.returnReason().isEmpty()) {
                        status.error.set(texts.get("error.returned", view.returnReason()));
                    }
                })
                .onFailure(e -> {
                    status.busy.set(false);
                    status.error.set(texts.get("error.open", BackgroundTask.messageOf(e)));
                })
                .executeWith(tasks);
    }

    public void attachWithChooser() {
        files.attachWithChooser();
    }

    /** Copies files into the profile's vault in the background, then lists them. */
    public void attach(List<Path> paths) {
        files.attach(paths);
    }

    public void removeAttachment(AttachmentItem item) {
        files.remove(item);
    }

    public void saveDraft() {
        if (!editing.get()) {
            return;
        }
        DraftContent content = content();
        long savedEdit = edits;
        autosave.cancel();
        BackgroundTask.run("saving a draft", () -> session.save(content))
                .onSuccess(saved -> {
                    // Typing that happened while the save ran is still unsaved.
                    dirty.set(edits != savedEdit);
                    status.status.set(texts.get("status.draftSaved"));
                })
                .onFailure(e -> status.error.set(texts.get("error.save", BackgroundTask.messageOf(e))))
                .executeWith(tasks);
    }

    /** The draft handle this window holds, if any; tests check that a submitted one is spent. */
    Optional<Draft> draftHandle() {
        return session.handle();
    }

    // ---- For the send flow and the window ---------------------------------------------------------

    /** The send flow decides when the message takes edits: from Send on, until it comes back. */
    void editableWhile(ObservableBooleanValue condition) {
        editing.bind(condition);
    }

    /** What stops the message from going as it stands, once what is typed in the fields is taken. */
    Optional<String> problem() {
        recipients.commitPending();
        return SendValidation.problem(from.get(), recipients.fields(), subject.get(), texts);
    }

    boolean lacksSubject() {
        return PreSendChecks.lacksSubject(subject.get());
    }

    /** The body speaks of an attachment and none is attached: the forgotten file. */
    boolean forgetsAnAttachment() {
        return files.items().isEmpty() && PreSendChecks.mentionsAnAttachment(body.get());
    }

    long attachmentBytes() {
        return files.bytes();
    }

    /** The account chosen in From: the one the message goes through, and no other. */
    Optional<String> account() {
        return sender.get() == null ? Optional.empty() : sender.get().account();
    }

    /** What the fields hold now, as the store keeps a draft. */
    DraftContent content() {
        return new DraftContent(from.get(), recipients.all(), subject.get(), body.get(),
                files.items().stream().map(AttachmentItem::attachment).toList(),
                new DeliveryRequests(notifyDelivery.get(), readReceipt.get()), bodyFields.formatting(),
                recipients.invalid());
    }

    /** Nothing typed, chosen or attached yet. */
    boolean isEmpty() {
        return recipients.isEmpty() && subject.get().isBlank() && bodyFields.isUntouched() && files.items().isEmpty();
    }

    /** A draft read from the store becomes the message, with no unsaved changes. */
    void load(DraftView view) {
        loading = true;
        held.set(HeldMessage.NONE);
        if (view.from() != null) {
            from.set(view.from());
        }
        recipients.load(view);
        subject.set(view.subject());
        bodyFields.load(view.body(), view.formatting());
        files.items().setAll(view.attachments());
        notifyDelivery.set(view.deliveryRequests().notifyDelivery());
        readReceipt.set(view.deliveryRequests().readReceipt());
        dirty.set(false);
        loading = false;
    }

    /**
     * The message is submitted: let go of what was sent, it now lives in the outbox, not in this
     * window. Its words come first, so the window still reads right (and keeps its layout) while
     * it is on its way.
     */
    void release(HeldMessage words) {
        held.set(words);
        recipients.clear();
        files.items().clear();
        dirty.set(false);
    }

    /** Calls off a pending autosave: a submit or the window's end comes first. */
    void stopAutosave() {
        autosave.cancel();
    }

    // ---- Internals --------------------------------------------------------------------------------

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
        recipients.addListener(listChanged);
        files.items().addListener(listChanged);
    }

    private void autosaveNow() {
        if (dirty.get() && editing.get() && !isEmpty()) {
            saveDraft();
        }
    }
}
