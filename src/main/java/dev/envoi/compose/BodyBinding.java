package dev.envoi.compose;

import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import javafx.beans.property.StringProperty;

/**
 * Keeps the body editor and the view-model's body fields the same: an edit in the editor sets
 * the plain text and the stored form of the formatting; a draft loaded into the fields (or a
 * prefilled text) is shown in the editor. Show-only changes (a spelling underline) pass by.
 *
 * <p>The plain text follows every key (the draft is marked changed at once). The stored HTML is
 * written after a pause in typing ({@link #HTML_PAUSE}), or at once when a save or a send asks for
 * it: writing 20 pages of HTML at every key took longer than a frame (benchmark 8).
 */
final class BodyBinding {

    private final BodyEditor editor;
    private final StringProperty text;
    private final StringProperty html;
    static final javafx.util.Duration HTML_PAUSE = javafx.util.Duration.millis(300);
    private final javafx.animation.PauseTransition htmlLater = new javafx.animation.PauseTransition(HTML_PAUSE);
    private boolean htmlBehind;
    /** True while one side is being set from the other: the echo is not a change. */
    private boolean syncing;

    private BodyBinding(BodyEditor editor, StringProperty text, StringProperty html) {
        this.editor = editor;
        this.text = text;
        this.html = html;
    }

    static void bind(BodyEditor editor, StringProperty text, StringProperty html, java.util.function.Consumer<Runnable> pending) {
        BodyBinding binding = new BodyBinding(editor, text, html);
        binding.htmlLater.setOnFinished(e -> binding.writeHtml());
        pending.accept(binding::writeHtml);
        binding.show();
        text.addListener((o, a, b) -> binding.show());
        html.addListener((o, a, b) -> binding.show());
        editor.richChanges().filter(change -> !change.isIdentity()).subscribe(change -> binding.edited());
    }

    private void show() {
        if (syncing) {
            return;
        }
        htmlLater.stop();
        htmlBehind = false;
        syncing = true;
        try {
            editor.load(html.get().isEmpty() ? RichDocument.ofPlain(text.get()) : HtmlReader.readStored(html.get()));
        } finally {
            syncing = false;
        }
    }

    private void edited() {
        if (syncing || editor.isShowOnlyChange()) {
            return;
        }
        String now = editor.getText();
        htmlBehind = true;
        if (now.equals(text.get())) {
            // Formatting alone changed (a button, a shortcut): rare, and only the HTML says it is an edit.
            writeHtml();
            return;
        }
        syncing = true;
        try {
            text.set(now);
        } finally {
            syncing = false;
        }
        htmlLater.playFromStart();
    }

    /** The stored HTML of what the editor shows now, if an edit since the last one has not been written. */
    private void writeHtml() {
        if (!htmlBehind) {
            return;
        }
        htmlBehind = false;
        htmlLater.stop();
        syncing = true;
        try {
            RichDocument document = editor.document();
            html.set(document.hasFormatting() ? HtmlWriter.fragment(document) : "");
        } finally {
            syncing = false;
        }
    }
}
