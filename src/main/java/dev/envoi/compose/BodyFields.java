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
    /** Brings {@link #html} up to date when the editor writes it later than the text (see BodyBinding). */
    private Runnable pendingHtml = () -> { };
    /** The body as Envoi last filled it in (a signature alone): a message holding only that is empty. */
    private String untouched = "";

    StringProperty text() {
        return text;
    }

    StringProperty html() {
        return html;
    }

    BooleanProperty plainTextOnly() {
        return plainTextOnly;
    }

    /** The formatting as it is now: an update the editor has put off is made first. */
    BodyFormatting formatting() {
        pendingHtml.run();
        return new BodyFormatting(html.get(), plainTextOnly.get());
    }

    /** The editor's way to write the HTML after a pause in typing, yet never too late for a save or a send. */
    void setPendingHtml(Runnable flush) {
        this.pendingHtml = flush;
    }

    /** Formatting first, so an editor that follows both sees the new text with its own formatting last. */
    void load(String body, BodyFormatting formatting) {
        html.set(formatting.html());
        plainTextOnly.set(formatting.plainTextOnly());
        text.set(body);
    }

    /** Nothing the user wrote: a blank body, or only what Envoi put in it. */
    boolean isUntouched() {
        return text.get().isBlank() || text.get().equals(untouched);
    }

    /** Envoi's own change (a signature put in or swapped): a body that held only Envoi's text still does. */
    void replaceByEnvoi(String body, String formattedHtml) {
        boolean wasUntouched = isUntouched();
        load(body, new BodyFormatting(formattedHtml, plainTextOnly.get()));
        if (wasUntouched) {
            untouched = body;
        }
    }

    void onChange(Runnable changed) {
        text.addListener((o, a, b) -> changed.run());
        html.addListener((o, a, b) -> changed.run());
        plainTextOnly.addListener((o, a, b) -> changed.run());
    }
}
