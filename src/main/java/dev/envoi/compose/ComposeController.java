package dev.envoi.compose;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

/**
 * Binds the controls of compose.fxml to a {@link ComposeViewModel}: the fields to its message, the
 * send controls to its send flow. No logic lives here: every decision is a view-model's; this
 * class only wires properties, keys and drops to it.
 */
public final class ComposeController {

    private final ComposeViewModel model;
    private final MessageViewModel message;
    private final SendViewModel sending;
    /** From Send until the message is back for editing: the window shows it and takes no edits. */
    private final BooleanBinding locked;

    @FXML private BorderPane root;
    @FXML private Button sendButton;
    @FXML private Button saveDraftButton;
    @FXML private Button attachButton;
    @FXML private ToggleButton ccBccToggle;
    @FXML private MenuButton optionsMenu;
    @FXML private CheckMenuItem notifyDeliveryCheck;
    @FXML private CheckMenuItem readReceiptCheck;
    @FXML private MenuButton draftsMenu;
    @FXML private Button outboxButton;
    @FXML private Button accountsButton;
    @FXML private Label errorBanner;
    @FXML private Label fromLabel;
    @FXML private Label toLabel;
    @FXML private Label ccLabel;
    @FXML private Label bccLabel;
    @FXML private Label subjectLabel;
    @FXML private ChoiceBox<Sender> fromField;
    @FXML private RecipientField toField;
    @FXML private RecipientField ccField;
    @FXML private RecipientField bccField;
    @FXML private TextField subjectField;
    /** The body editor, built after the window's first frame into this slot. */
    @FXML private VBox bodyColumn;
    @FXML private StackPane bodySlot;
    private LazyBody body;
    private final LaterParts later = new LaterParts();
    @FXML private CheckMenuItem plainTextOnlyCheck;
    @FXML private HBox attachmentBar;
    @FXML private AttachmentStrip attachmentStrip;
    @FXML private Label totalSizeLabel;
    @FXML private ProgressBar sendProgress;
    @FXML private LayoutFence progressFence;
    @FXML private Label sendStatus;
    @FXML private Button cancelSendButton;

    public ComposeController(ComposeViewModel model) {
        this.model = model;
        this.message = model.message();
        this.sending = model.sending();
        this.locked = message.editingProperty().not();
    }

    /** Underlines misspelt words in the body and offers corrections in its context menu (issue 20). */
    void checkSpelling(dev.envoi.spelling.Spellers spellers, Scheduler scheduler, java.util.concurrent.Executor ui) {
        BodyWiring.checkSpelling(body, spellers, scheduler, ui, model.texts(), message.editingProperty());
    }

    /** Makes what the first frame can do without (LaterParts), then the body editor (LazyBody), after it. */
    void buildBodyAfterFirstFrame(javafx.scene.Scene scene) {
        later.makeAfterFirstFrame(scene);
        body.buildAfterFirstFrame(scene);
    }

    /** Completes on the FX thread once the body editor is in the window, bound and ready for typing. */
    java.util.concurrent.CompletionStage<BodyEditor> bodyReady() {
        return body.ready();
    }

    @FXML
    private void initialize() {
        body = new LazyBody(bodyColumn, bodySlot, model.texts().bundle());
        bindHeader();
        bindAttachments();
        bindSending();
        bindOptions();
        sendButton.setOnAction(e -> sending.send());
        saveDraftButton.setOnAction(e -> message.saveDraft());
        attachButton.setOnAction(e -> message.attachWithChooser());
        outboxButton.setOnAction(e -> model.openOutbox());
        accountsButton.setOnAction(e -> model.openAccounts());
        accountsButton.disableProperty().bind(locked);
        new DraftsMenu(draftsMenu, model).install();
        root.addEventFilter(KeyEvent.KEY_PRESSED, new ComposeShortcuts(model));
        new FileDrop(message::attach).install(root);
        BodyWiring.showImages(body, model.bodyImages(), message::attach);
    }

    /** A window opens ready for typing: in To when it is empty, else in the message text. */
    void focusWhereTypingStarts() {
        if (message.to().chips().isEmpty()) {
            toField.editor().requestFocus();
        } else {
            BodyWiring.focus(body);
        }
    }

    private void bindHeader() {
        fromField.setItems(message.senders());
        fromField.valueProperty().bindBidirectional(message.senderProperty());
        ValidationSupport validation = new ValidationSupport();
        // The invalid chip is marked red and the banner says why: an icon on the field's corner
        // only covered its border. The field is marked by a style class instead.
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        toField.bind(message.to(), message::suggestionsFor, validation, model.texts());
        ccField.bind(message.cc(), message::suggestionsFor, validation, model.texts());
        bccField.bind(message.bcc(), message::suggestionsFor, validation, model.texts());
        fromLabel.setLabelFor(fromField);
        toLabel.setLabelFor(toField.editor());
        ccLabel.setLabelFor(ccField.editor());
        bccLabel.setLabelFor(bccField.editor());
        subjectLabel.setLabelFor(subjectField);
        ccBccToggle.selectedProperty().bindBidirectional(message.showCcBccProperty());
        for (Node node : new Node[] {ccLabel, ccField, bccLabel, bccField}) {
            node.visibleProperty().bind(message.showCcBccProperty());
            node.managedProperty().bind(message.showCcBccProperty());
        }
        subjectField.textProperty().bindBidirectional(message.subjectProperty());
        BodyWiring.bind(body, message, model.texts());
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        // From Send on, the window shows the message and takes no edits; once the lists are
        // released each field shows its words in place. Nothing moves, so little is redrawn.
        toField.lockedProperty().bind(locked);
        ccField.lockedProperty().bind(locked);
        bccField.lockedProperty().bind(locked);
        toField.heldTextProperty().bind(heldWords(HeldMessage::to));
        ccField.heldTextProperty().bind(heldWords(HeldMessage::cc));
        bccField.heldTextProperty().bind(heldWords(HeldMessage::bcc));
        subjectField.editableProperty().bind(message.editingProperty());
        fromField.disableProperty().bind(locked);
        SendingFocus.install(root, locked);
    }

    private StringBinding heldWords(Function<HeldMessage, String> part) {
        return Bindings.createStringBinding(() -> part.apply(message.heldProperty().get()), message.heldProperty());
    }

    private void bindAttachments() {
        attachmentStrip.bind(message.attachments(), message::removeAttachment, model.texts());
        attachmentStrip.lockedProperty().bind(locked);
        StringBinding heldFiles = heldWords(HeldMessage::attachments);
        attachmentStrip.heldTextProperty().bind(heldFiles);
        attachmentBar.visibleProperty().bind(Bindings.isNotEmpty(message.attachments()).or(heldFiles.isNotEmpty()));
        attachmentBar.managedProperty().bind(attachmentBar.visibleProperty());
        totalSizeLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.texts().get("total", message.totalSizeProperty().get()), message.totalSizeProperty()));
    }

    private void bindOptions() {
        notifyDeliveryCheck.selectedProperty().bindBidirectional(message.notifyDeliveryProperty());
        readReceiptCheck.selectedProperty().bindBidirectional(message.readReceiptProperty());
        plainTextOnlyCheck.selectedProperty().bindBidirectional(message.plainTextOnlyProperty());
        optionsMenu.textProperty().bind(message.optionsTextProperty());
        optionsMenu.disableProperty().bind(locked);
    }

    private void bindSending() {
        sendButton.disableProperty().bind(sending.canSendProperty().not());
        saveDraftButton.disableProperty().bind(locked);
        attachButton.disableProperty().bind(locked);
        sendStatus.textProperty().bind(model.statusProperty());
        later.add(() -> WholeStatusTip.install(sendStatus, model.statusProperty()));
        // Always laid out, shown only while sending: the status bar keeps its height.
        cancelSendButton.visibleProperty().bind(sending.sendingProperty());
        cancelSendButton.disableProperty().bind(sending.cancelEnabledProperty().not());
        cancelSendButton.setOnAction(e -> sending.cancel());
        sendProgress.progressProperty().bind(sending.progressProperty());
        sendProgress.visibleProperty().bind(sending.progressVisibleProperty());
        // Its room is kept, as Cancel's is: the bar's arrival at the transfer's start moves nothing.
        progressFence.visibleProperty().bind(sendProgress.visibleProperty());
    }
}
