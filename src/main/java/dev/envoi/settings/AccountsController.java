package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.ui.Texts;
import java.util.List;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds accounts.fxml to an {@link AccountsViewModel}; no decisions are made here. */
public final class AccountsController {

    private final AccountsViewModel model;

    @FXML private Label accountsError;
    @FXML private ListView<Account> accountList;
    @FXML private Button newAccountButton;
    @FXML private Button removeAccountButton;
    @FXML private Label nameLabel;
    @FXML private TextField nameField;
    @FXML private Label displayNameLabel;
    @FXML private TextField displayNameField;
    @FXML private Label addressLabel;
    @FXML private TextField addressField;
    @FXML private Label hostLabel;
    @FXML private TextField hostField;
    @FXML private Label securityLabel;
    @FXML private ChoiceBox<SmtpSecurity> securityField;
    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Label authLabel;
    @FXML private ChoiceBox<AuthMethod> authField;
    @FXML private Label userLabel;
    @FXML private TextField userField;
    @FXML private javafx.scene.layout.GridPane accountGrid;
    @FXML private Label passwordLabel;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordStoreLabel;
    @FXML private ChoiceBox<CredentialChoice> passwordStoreField;
    @FXML private Label sizeLimitLabel;
    @FXML private TextField sizeLimitField;
    @FXML private CheckBox keepInSentCheck;
    @FXML private CheckBox partialDeliveryCheck;
    @FXML private CheckBox insecureCheck;
    @FXML private CheckBox defaultCheck;
    @FXML private Button saveAccountButton;
    @FXML private Button testConnectionButton;
    @FXML private TextArea testReport;
    @FXML private Label accountsStatus;
    @FXML private VBox certificateArea;
    @FXML private Button continueButton;
    @FXML private Label discoverySource;
    @FXML private SignInPane signInPane;
    @FXML private TitledPane imapSection;
    @FXML private Label imapHostLabel;
    @FXML private TextField imapHostField;
    @FXML private Label imapSecurityLabel;
    @FXML private ChoiceBox<SmtpSecurity> imapSecurityField;
    @FXML private Label imapPortLabel;
    @FXML private TextField imapPortField;
    @FXML private Label imapUserLabel;
    @FXML private TextField imapUserField;
    @FXML private CheckBox imapKeepCopyCheck;
    @FXML private Label imapSentFolderLabel;
    @FXML private TextField imapSentFolderField;
    @FXML private TitledPane writingSection;
    @FXML private Label signatureLabel;
    @FXML private TextArea signatureArea;
    @FXML private CheckBox plainTextOnlyCheck;

    public AccountsController(AccountsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        AccountForm form = model.form();
        Texts texts = model.texts();
        accountList.setItems(model.accounts());
        accountList.setCellFactory(list -> new AccountCell());
        accountList.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> {
            if (a != null) {
                model.selectedProperty().set(a);
            }
        });
        model.selectedProperty().addListener((o, was, a) -> {
            if (a == null) {
                accountList.getSelectionModel().clearSelection();
            } else {
                accountList.getSelectionModel().select(a);
            }
        });
        text(nameLabel, nameField, form.nameProperty());
        text(displayNameLabel, displayNameField, form.displayNameProperty());
        text(addressLabel, addressField, form.addressProperty());
        text(hostLabel, hostField, form.hostProperty());
        text(portLabel, portField, form.portProperty());
        text(userLabel, userField, form.userProperty());
        text(passwordLabel, passwordField, form.passwordProperty());
        text(sizeLimitLabel, sizeLimitField, form.sizeLimitProperty());
        choice(securityLabel, securityField, SmtpSecurity.values(), form.securityProperty(), "security.", texts);
        choice(authLabel, authField, AuthMethod.values(), form.authProperty(), "auth.", texts);
        choice(passwordStoreLabel, passwordStoreField, CredentialChoice.values(), form.passwordStoreProperty(),
                "store.", texts);
        keepInSentCheck.selectedProperty().bindBidirectional(form.keepInSentProperty());
        partialDeliveryCheck.selectedProperty().bindBidirectional(form.partialDeliveryProperty());
        insecureCheck.selectedProperty().bindBidirectional(form.insecureConfirmedProperty());
        defaultCheck.selectedProperty().bindBidirectional(form.makeDefaultProperty());
        // The confirmation only matters, and is only shown, for an unencrypted connection.
        insecureCheck.visibleProperty().bind(form.securityProperty().isEqualTo(SmtpSecurity.NONE));
        insecureCheck.managedProperty().bind(insecureCheck.visibleProperty());
        var noPassword = form.authProperty().isEqualTo(AuthMethod.NONE);
        userField.disableProperty().bind(noPassword);
        passwordField.disableProperty().bind(noPassword);
        passwordStoreField.disableProperty().bind(noPassword);
        // An OAuth 2.0 account signs in (the pane below): it has no password to type.
        var signsIn = form.authProperty().isEqualTo(AuthMethod.OAUTH2);
        for (javafx.scene.Node node : List.of(passwordLabel, passwordField)) {
            node.visibleProperty().bind(signsIn.not());
            node.managedProperty().bind(node.visibleProperty());
        }
        newAccountButton.setOnAction(e -> model.newAccount());
        removeAccountButton.setOnAction(e -> model.remove());
        removeAccountButton.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        saveAccountButton.setOnAction(e -> model.save());
        saveAccountButton.disableProperty().bind(model.busyProperty());
        testConnectionButton.setOnAction(e -> model.testConnection());
        testConnectionButton.disableProperty().bind(model.busyProperty());
        testReport.textProperty().bind(model.testReportProperty());
        accountsError.textProperty().bind(model.errorProperty());
        accountsError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        accountsError.managedProperty().bind(accountsError.visibleProperty());
        accountsStatus.textProperty().bind(model.statusProperty());
        model.signIn().ifPresentOrElse(
                signIn -> {
                    signInPane.bind(signIn, form.authProperty().isEqualTo(AuthMethod.OAUTH2), model::signInNow);
                    LabelColumns.share(140, accountGrid, signInPane.grid());
                },
                () -> signInPane.setVisible(false));
        signInPane.managedProperty().bind(signInPane.visibleProperty());
        CertificatePane.fill(certificateArea, model.certificates(), texts);
        bindDiscovery(model.discovery(), form);
        bindImap(form.imap(), texts);
        bindWriting(form.writing());
    }

    /** The signature and the plain-text default, hidden when the window has nowhere to keep them. */
    private void bindWriting(WritingForm writing) {
        writingSection.setVisible(model.offersWriting());
        writingSection.managedProperty().bind(writingSection.visibleProperty());
        signatureArea.textProperty().bindBidirectional(writing.signatureProperty());
        signatureLabel.setLabelFor(signatureArea);
        signatureArea.setAccessibleText(signatureLabel.getText().replace("_", "").replace(":", "").strip());
        plainTextOnlyCheck.selectedProperty().bindBidirectional(writing.plainTextOnlyProperty());
    }

    /** The IMAP server of the Sent copies; the copy's settings only matter once a host is given. */
    private void bindImap(ImapForm imap, Texts texts) {
        imapSection.setVisible(model.offersImap());
        imapSection.managedProperty().bind(imapSection.visibleProperty());
        text(imapHostLabel, imapHostField, imap.hostProperty());
        text(imapPortLabel, imapPortField, imap.portProperty());
        text(imapUserLabel, imapUserField, imap.userProperty());
        text(imapSentFolderLabel, imapSentFolderField, imap.sentFolderProperty());
        choice(imapSecurityLabel, imapSecurityField, SmtpSecurity.values(), imap.securityProperty(), "imapSecurity.",
                texts);
        imapKeepCopyCheck.selectedProperty().bindBidirectional(imap.keepCopyProperty());
        var noHost = imap.hostProperty().isEmpty();
        imapSecurityField.disableProperty().bind(noHost);
        imapPortField.disableProperty().bind(noHost);
        imapUserField.disableProperty().bind(noHost);
        imapKeepCopyCheck.disableProperty().bind(noHost);
        imapSentFolderField.disableProperty().bind(noHost.or(imap.keepCopyProperty().not()));
    }

    /** Continue finds the servers of the address typed; the label says where they came from. */
    private void bindDiscovery(DiscoveryViewModel discovery, AccountForm form) {
        continueButton.setOnAction(e -> discovery.find());
        continueButton.disableProperty().bind(discovery.busyProperty().or(model.busyProperty())
                .or(form.addressProperty().isEmpty()));
        discoverySource.textProperty().bind(discovery.sourceProperty());
        // Continue sets a new account up; an account in the list is set up already.
        for (javafx.scene.Node node : List.of(continueButton, discoverySource)) {
            node.visibleProperty().bind(model.selectedProperty().isNull());
            node.managedProperty().bind(node.visibleProperty());
        }
    }

    private static void text(Label label, TextField field, javafx.beans.property.StringProperty value) {
        field.textProperty().bindBidirectional(value);
        label.setLabelFor(field);
        field.setAccessibleText(label.getText().replace("_", "").replace(":", "").strip());
    }

    private static <T extends Enum<T>> void choice(Label label, ChoiceBox<T> box, T[] values,
                                                   javafx.beans.property.ObjectProperty<T> value, String prefix,
                                                   Texts texts) {
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : texts.get(prefix + item.name());
            }

            @Override
            public T fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(value);
        label.setLabelFor(box);
        box.setAccessibleText(label.getText().replace("_", "").replace(":", "").strip());
    }

    /** An account in the list: its name, its address, and a mark on the default one. */
    private static final class AccountCell extends ListCell<Account> {
        @Override
        protected void updateItem(Account account, boolean empty) {
            super.updateItem(account, empty);
            if (empty || account == null) {
                setText(null);
                return;
            }
            setText((account.isDefault() ? "★ " : "") + account.name() + "\n" + account.identity().address()
                    .toLowerCase(Locale.ROOT));
        }
    }
}
