package dev.envoi.compose;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import org.controlsfx.validation.ValidationSupport;

/**
 * Binds the controls of compose.fxml to a {@link ComposeViewModel}. No logic lives here: every
 * decision is the view-model's; this class only wires properties, keys and drops to it.
 */
public final class ComposeController {

    /** A row of the attachment list, as compose.css sizes it (2.6em). */
    private static final double ATTACHMENT_ROW_EMS = 2.6;

    private final ComposeViewModel model;

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
    @FXML private ComboBox<dev.envoi.message.MailAddress> fromField;
    @FXML private RecipientField toField;
    @FXML private Label sendingToLabel;
    @FXML private RecipientField ccField;
    @FXML private RecipientField bccField;
    @FXML private TextField subjectField;
    @FXML private TextArea bodyArea;
    @FXML private HBox attachmentBar;
    @FXML private ListView<AttachmentItem> attachmentList;
    @FXML private Label totalSizeLabel;
    @FXML private ProgressBar sendProgress;
    @FXML private Label sendStatus;
    @FXML private Button cancelSendButton;

    public ComposeController(ComposeViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        bindHeader();
        bindAttachments();
        bindSending();
        bindOptions();
        sendButton.setOnAction(e -> model.send());
        saveDraftButton.setOnAction(e -> model.saveDraft());
        attachButton.setOnAction(e -> model.attachWithChooser());
        outboxButton.setOnAction(e -> model.openOutbox());
        accountsButton.setOnAction(e -> model.openAccounts());
        accountsButton.disableProperty().bind(model.sendingProperty());
        new DraftsMenu(draftsMenu, model).install();
        root.addEventFilter(KeyEvent.KEY_PRESSED, new ComposeShortcuts(model));
        new FileDrop(model::attach).install(root);
    }

    /** A window opens ready for typing: in To when it is empty, else in the message text. */
    void focusWhereTypingStarts() {
        (model.to().chips().isEmpty() ? toField.editor() : bodyArea).requestFocus();
    }

    private void bindHeader() {
        fromField.setItems(model.identities());
        fromField.valueProperty().bindBidirectional(model.fromProperty());
        ValidationSupport validation = new ValidationSupport();
        toField.bind(model.to(), model::suggestions, validation, model.texts());
        ccField.bind(model.cc(), model::suggestions, validation, model.texts());
        bccField.bind(model.bcc(), model::suggestions, validation, model.texts());
        fromLabel.setLabelFor(fromField);
        toLabel.setLabelFor(toField.editor());
        ccLabel.setLabelFor(ccField.editor());
        bccLabel.setLabelFor(bccField.editor());
        subjectLabel.setLabelFor(subjectField);
        ccBccToggle.selectedProperty().bindBidirectional(model.showCcBccProperty());
        // While a message is on its way, one line says who it goes to, in place of the emptied fields.
        var showCopies = model.showCcBccProperty().and(model.sendingProperty().not());
        for (Node node : new Node[] {ccLabel, ccField, bccLabel, bccField}) {
            node.visibleProperty().bind(showCopies);
            node.managedProperty().bind(showCopies);
        }
        toField.visibleProperty().bind(model.sendingProperty().not());
        toField.managedProperty().bind(toField.visibleProperty());
        sendingToLabel.textProperty().bind(model.sendingToProperty());
        sendingToLabel.visibleProperty().bind(model.sendingProperty());
        sendingToLabel.managedProperty().bind(sendingToLabel.visibleProperty());
        subjectField.textProperty().bindBidirectional(model.subjectProperty());
        bodyArea.textProperty().bindBidirectional(model.bodyProperty());
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        // While a message is on its way the fields are read-only; they empty once it is submitted.
        toField.disableProperty().bind(model.sendingProperty());
        ccField.disableProperty().bind(model.sendingProperty());
        bccField.disableProperty().bind(model.sendingProperty());
        subjectField.editableProperty().bind(model.sendingProperty().not());
        bodyArea.editableProperty().bind(model.sendingProperty().not());
        fromField.disableProperty().bind(model.sendingProperty());
    }

    private void bindAttachments() {
        attachmentList.setItems(model.attachments());
        attachmentList.setCellFactory(list -> new AttachmentCell(model::removeAttachment, model.texts()));
        attachmentList.setOnKeyPressed(e -> {
            AttachmentItem selected = attachmentList.getSelectionModel().getSelectedItem();
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selected != null) {
                model.removeAttachment(selected);
            }
        });
        // Tall enough for three files without scrolling, no taller: the body keeps the room.
        attachmentList.prefHeightProperty().bind(Bindings.min(3, Bindings.size(model.attachments()))
                .multiply(ATTACHMENT_ROW_EMS * Font.getDefault().getSize()).add(4));
        attachmentBar.visibleProperty().bind(Bindings.isNotEmpty(model.attachments()));
        attachmentBar.managedProperty().bind(attachmentBar.visibleProperty());
        totalSizeLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.texts().get("total", model.totalSizeProperty().get()), model.totalSizeProperty()));
    }

    private void bindOptions() {
        notifyDeliveryCheck.selectedProperty().bindBidirectional(model.notifyDeliveryProperty());
        readReceiptCheck.selectedProperty().bindBidirectional(model.readReceiptProperty());
        optionsMenu.textProperty().bind(model.optionsTextProperty());
        optionsMenu.disableProperty().bind(model.sendingProperty());
    }

    private void bindSending() {
        var sending = model.sendingProperty();
        sendButton.disableProperty().bind(model.canSendProperty().not());
        saveDraftButton.disableProperty().bind(sending);
        attachButton.disableProperty().bind(sending);
        sendStatus.textProperty().bind(model.statusProperty());
        cancelSendButton.visibleProperty().bind(sending);
        cancelSendButton.managedProperty().bind(sending);
        cancelSendButton.disableProperty().bind(model.cancelEnabledProperty().not());
        cancelSendButton.setOnAction(e -> model.cancel());
        sendProgress.progressProperty().bind(model.progressProperty());
        sendProgress.visibleProperty().bind(model.progressVisibleProperty());
        sendProgress.managedProperty().bind(sendProgress.visibleProperty());
    }

    private static void showWhen(boolean show, Node... nodes) {
        for (Node node : nodes) {
            node.setVisible(show);
            node.setManaged(show);
        }
    }
}
