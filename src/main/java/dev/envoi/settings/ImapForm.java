package dev.envoi.settings;

import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.setup.Endpoint;
import dev.envoi.ui.Texts;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The account's IMAP server as typed, where the copy of each sent message is filed (issue 19).
 * An empty host means no IMAP server; {@link #toSettings} says, naming the field, what is wrong.
 */
public final class ImapForm extends ServerForm {

    final BooleanProperty keepCopy = new SimpleBooleanProperty(true);
    final StringProperty sentFolder = new SimpleStringProperty("");
    /** The IMAP login when it is not the SMTP one; "" for the SMTP login. */
    final StringProperty user = new SimpleStringProperty("");

    ImapForm() {
        super(SmtpSecurity.TLS, ImapServer::defaultPort);
    }

    /** Shows the account's settings, or blank ones (no IMAP server) for null. */
    void load(ImapSettings settings) {
        boolean blank = settings == null;
        showServer(blank ? "" : settings.server().host(), blank ? SmtpSecurity.TLS : settings.server().security(),
                blank ? ImapServer.defaultPort(SmtpSecurity.TLS) : settings.server().port());
        keepCopy.set(blank || settings.keepCopy());
        sentFolder.set(blank ? "" : settings.sentFolder());
        user.set(blank ? "" : settings.server().user());
    }

    /**
     * The server a discovery found, with the copy on unless the provider files sent mail itself;
     * nothing changes when none was found (what the user typed stays).
     */
    void fill(Endpoint found, String smtpHost) {
        if (found == null) {
            return;
        }
        showServer(found.host(), found.security(), found.port());
        keepCopy.set(!ImapSettings.filesSentMailItself(smtpHost, found.host()));
    }

    /** Empty when no IMAP host is given. */
    Optional<ImapSettings> toSettings(Texts texts) throws AccountForm.Invalid {
        if (host.get().isBlank()) {
            return Optional.empty();
        }
        int portNumber = portNumber(texts.get("field.imapPort"), texts);
        try {
            return Optional.of(new ImapSettings(new ImapServer(host.get().strip(), portNumber, security.get(),
                    user.get()),
                    keepCopy.get(), sentFolder.get()));
        } catch (IllegalArgumentException e) {
            throw new AccountForm.Invalid(texts.get("error.imap", e.getMessage()));
        }
    }

    public BooleanProperty keepCopyProperty() {
        return keepCopy;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty sentFolderProperty() {
        return sentFolder;
    }
}
