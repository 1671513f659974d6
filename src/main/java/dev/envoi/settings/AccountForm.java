package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.AddressParser;
import dev.envoi.message.AddressProblem;
import dev.envoi.message.MailAddress;
import dev.envoi.message.ParsedAddress;
import dev.envoi.ui.AddressProblems;
import dev.envoi.ui.Texts;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields of the account being edited, as typed. {@link #toAccount} turns them into an
 * {@link Account} or says, naming the field, what is wrong; nothing is kept until then.
 */
public final class AccountForm extends ServerForm {

    /** What the fields hold does not make an account; the message names the field. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    final StringProperty name = new SimpleStringProperty("");
    final StringProperty displayName = new SimpleStringProperty("");
    final StringProperty address = new SimpleStringProperty("");
    final StringProperty user = new SimpleStringProperty("");
    final ObjectProperty<AuthMethod> auth = new SimpleObjectProperty<>(AuthMethod.PASSWORD);
    final StringProperty password = new SimpleStringProperty("");
    final ObjectProperty<CredentialChoice> passwordStore = new SimpleObjectProperty<>(CredentialChoice.KEYRING);
    final StringProperty sizeLimitMiB = new SimpleStringProperty("25");
    final BooleanProperty keepInSent = new SimpleBooleanProperty(true);
    final BooleanProperty partialDelivery = new SimpleBooleanProperty(false);
    final BooleanProperty insecureConfirmed = new SimpleBooleanProperty(false);
    final BooleanProperty makeDefault = new SimpleBooleanProperty(false);
    /** The IMAP server of the Sent copies; saved beside the account, not in it. */
    final ImapForm imap = new ImapForm();
    /** The signature and the plain-text default; saved beside the account too. */
    final WritingForm writing = new WritingForm();
    private String pinnedCertificate = "";
    private String sendmailProgram = "";

    public AccountForm() {
        super(SmtpSecurity.STARTTLS, SmtpSecurity::defaultPort);
    }

    void clear() {
        load(null);
        imap.load(null);
        writing.load(null);
    }

    void load(Account account) {
        boolean blank = account == null;
        name.set(blank ? "" : account.name());
        displayName.set(blank ? "" : account.identity().displayName());
        address.set(blank ? "" : account.identity().address());
        showServer(blank ? "" : account.host(), blank ? SmtpSecurity.STARTTLS : account.security(),
                blank ? SmtpSecurity.STARTTLS.defaultPort() : account.port());
        user.set(blank ? "" : account.user());
        auth.set(blank ? AuthMethod.PASSWORD : account.auth());
        password.set("");
        sizeLimitMiB.set(blank ? "25" : String.valueOf(account.sizeLimit() / (1024 * 1024)));
        keepInSent.set(blank || account.keepInSent());
        partialDelivery.set(!blank && account.partialDelivery());
        insecureConfirmed.set(!blank && account.insecureConfirmed());
        makeDefault.set(!blank && account.isDefault());
        pinnedCertificate = blank ? "" : account.pinnedCertificate();
        sendmailProgram = blank ? "" : account.sendmailProgram();
    }

    /** The one certificate the account trusts besides those an authority signs; "" for none. */
    void pinCertificate(String sha256) {
        pinnedCertificate = sha256;
    }

    Account toAccount(Texts texts) throws Invalid {
        MailAddress identity = identity(texts);
        int portNumber = portNumber(texts.get("field.port"), texts);
        long sizeLimit = wholeNumber(sizeLimitMiB.get(), texts.get("field.sizeLimit"), texts) * 1024L * 1024L;
        try {
            return new Account(name.get().strip(), identity, host.get().strip(), portNumber, security.get(),
                    user.get().strip(), auth.get(), sizeLimit, keepInSent.get(), partialDelivery.get(),
                    insecureConfirmed.get(), pinnedCertificate, makeDefault.get(), sendmailProgram);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private MailAddress identity(Texts texts) throws Invalid {
        List<ParsedAddress> parsed = AddressParser.parseList(address.get());
        if (parsed.size() != 1) {
            throw new Invalid(texts.get("error.address.one"));
        }
        if (parsed.get(0) instanceof ParsedAddress.Invalid invalid) {
            throw new Invalid(texts.get("error.address", invalid.text(), AddressProblems.describe(invalid.issue())));
        }
        MailAddress typed = ((ParsedAddress.Valid) parsed.get(0)).address();
        String shownName = displayName.get().strip();
        AddressProblem.Issue badName = MailAddress.issueWithDisplayName(shownName);
        if (badName != null) {
            throw new Invalid(texts.get("error.displayName", AddressProblems.describe(badName)));
        }
        return shownName.isEmpty() ? typed : new MailAddress(shownName, typed.address());
    }

    boolean needsPassword() {
        return auth.get() != AuthMethod.NONE;
    }

    // ---- Properties for the view ----------------------------------------------------------------

    public ImapForm imap() {
        return imap;
    }

    public WritingForm writing() {
        return writing;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<AuthMethod> authProperty() {
        return auth;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ObjectProperty<CredentialChoice> passwordStoreProperty() {
        return passwordStore;
    }

    public StringProperty sizeLimitProperty() {
        return sizeLimitMiB;
    }

    public BooleanProperty keepInSentProperty() {
        return keepInSent;
    }

    public BooleanProperty partialDeliveryProperty() {
        return partialDelivery;
    }

    public BooleanProperty insecureConfirmedProperty() {
        return insecureConfirmed;
    }

    public BooleanProperty makeDefaultProperty() {
        return makeDefault;
    }
}
