package dev.envoi.settings;

import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How the account's new messages start, as typed (issue 20): its signature, and whether they are
 * plain text only by default. Saved beside the account, as the IMAP settings are.
 */
public final class WritingForm {

    final StringProperty signature = new SimpleStringProperty("");
    final BooleanProperty plainTextOnly = new SimpleBooleanProperty(false);
    /** Kept as loaded: a formatted signature stays formatted when only the check box changed. */
    private Signature.Format format = Signature.Format.PLAIN;

    /** Shows the account's settings, or the defaults for null. */
    void load(WritingSettings settings) {
        WritingSettings shown = settings == null ? WritingSettings.DEFAULT : settings;
        format = shown.signature().format();
        signature.set(shown.signature().text());
        plainTextOnly.set(shown.plainTextOnly());
    }

    WritingSettings toSettings() {
        return new WritingSettings(new Signature(signature.get(), format), plainTextOnly.get());
    }

    public StringProperty signatureProperty() {
        return signature;
    }

    public BooleanProperty plainTextOnlyProperty() {
        return plainTextOnly;
    }
}
