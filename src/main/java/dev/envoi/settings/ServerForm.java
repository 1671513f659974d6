package dev.envoi.settings;

import dev.envoi.account.SmtpSecurity;
import dev.envoi.ui.Texts;
import java.util.function.ToIntFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A server's host, port and security as typed, the one way the SMTP and the IMAP fields hold them:
 * a port left at the old security's usual one follows the new security's, and a port is read as a
 * whole number or refused naming its field.
 */
public abstract sealed class ServerForm permits AccountForm, ImapForm {

    final StringProperty host = new SimpleStringProperty("");
    final StringProperty port;
    final ObjectProperty<SmtpSecurity> security;

    /** {@code usualPort} is the protocol's port for a security (SMTP 465, 587, 25; IMAP 993, 143). */
    ServerForm(SmtpSecurity initial, ToIntFunction<SmtpSecurity> usualPort) {
        port = new SimpleStringProperty(String.valueOf(usualPort.applyAsInt(initial)));
        security = new SimpleObjectProperty<>(initial);
        security.addListener((o, was, now) -> {
            if (was != null && now != null
                    && port.get().strip().equals(String.valueOf(usualPort.applyAsInt(was)))) {
                port.set(String.valueOf(usualPort.applyAsInt(now)));
            }
        });
    }

    /** Shows a server; the security before the port, so the port shown is the one given. */
    void showServer(String hostName, SmtpSecurity securityShown, int portNumber) {
        host.set(hostName);
        security.set(securityShown);
        port.set(String.valueOf(portNumber));
    }

    /** The port typed, or why it is not one, naming the field. */
    int portNumber(String field, Texts texts) throws AccountForm.Invalid {
        return wholeNumber(port.get(), field, texts);
    }

    /** A whole number, not negative; else the field's "not a number" message. */
    static int wholeNumber(String text, String field, Texts texts) throws AccountForm.Invalid {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new AccountForm.Invalid(texts.get("error.number", field, text));
        }
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<SmtpSecurity> securityProperty() {
        return security;
    }
}
