package dev.envoi.compose;

import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import javafx.beans.property.StringProperty;

/**
 * Keeps the body editor and the view-model's body fields the same: an edit in the editor sets
 * the plain text and the stored form of the formatting; a draft loaded into the fields (or a
 * prefilled text) is shown in the editor. Show-only changes (a spelling underline) pass by.
 */
final class BodyBinding {

    private final BodyEditor editor;
    private final StringProperty text;
    private final StringProperty html;
    /** True while one side is being set from the other: the echo is not a change. */
    private boolean syncing;

    private BodyBinding(BodyEditor editor, StringProperty text, StringProperty html) {
        this.editor = editor;
        this.text = text;
        this.html = html;
    }

    static void bind(BodyEditor editor, StringProperty text, StringProperty html) {
        BodyBinding binding = new BodyBinding(editor, text, html);
        binding.show();
        text.addListener((o, a, b) -> binding.show());
        html.addListener((o, a, b) -> binding.show());
        editor.richChanges().filter(change -> !change.isIdentity()).subscribe(change -> binding.edited());
    }

    private void show() {
        if (syncing) {
            return;
        }
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
        syncing = true;
        try {
            RichDocument document = editor.document();
            html.set(document.hasFormatting() ? HtmlWriter.fragment(document) : "");
            text.set(document.plainText());
        } finally {
            syncing = false;
        }
    }
}
