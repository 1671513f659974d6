package dev.envoi.compose;

import dev.envoi.message.BodyFormatting;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The body of the message being written, as the view-model holds it: its plain text, the stored
 * form of its formatting (empty for none) and the "plain text only" choice. The editor keeps
 * them up to date as the user types; a draft opened loads them all at once.
 */
final class BodyFields {

    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty html = new SimpleStringProperty("");
    private final BooleanProperty plainTextOnly = new SimpleBooleanProperty();

    StringProperty text() {
        return text;
    }

    StringProperty html() {
        return html;
    }

    BooleanProperty plainTextOnly() {
        return plainTextOnly;
    }

    BodyFormatting formatting() {
        return new BodyFormatting(html.get(), plainTextOnly.get());
    }

    /** Formatting first, so an editor that follows both sees the new text with its own formatting last. */
    void load(String body, BodyFormatting formatting) {
        html.set(formatting.html());
        plainTextOnly.set(formatting.plainTextOnly());
        text.set(body);
    }

    void onChange(Runnable changed) {
        text.addListener((o, a, b) -> changed.run());
        html.addListener((o, a, b) -> changed.run());
        plainTextOnly.addListener((o, a, b) -> changed.run());
    }
}
