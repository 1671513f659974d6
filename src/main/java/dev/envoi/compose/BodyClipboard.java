package dev.envoi.compose;

import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import java.util.List;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The body's copy and paste. Copy puts the selection on the clipboard as plain text and as the
 * stored HTML form, so a paste here keeps its formatting and other programs get either. Paste
 * reads HTML through {@link HtmlReader} (sanitised; only the model's formatting survives), and
 * falls back to the plain text for HTML too large to read without stalling the window.
 */
final class BodyClipboard {

    private BodyClipboard() {
    }

    static void copy(BodyEditor editor) {
        if (editor.getSelection().getLength() == 0) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(editor.getSelectedText());
        RichDocument selected = editor.selectedDocument();
        if (selected.hasFormatting()) {
            content.putHtml(HtmlWriter.fragment(selected));
        }
        Clipboard.getSystemClipboard().setContent(content);
    }

    static void paste(BodyEditor editor) {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        // An image alone (a screenshot, "copy image"): shown inline. With HTML or text beside it,
        // those win: a browser's copy of a page puts a picture of it there too.
        if (editor.imagePaste() != null && clipboard.hasImage() && !clipboard.hasHtml() && !clipboard.hasString()) {
            editor.imagePaste().accept(clipboard.getImage());
            return;
        }
        String html = clipboard.hasHtml() ? clipboard.getHtml() : null;
        if (html != null && html.length() <= HtmlReader.MAX_HTML_CHARS) {
            RichDocument pasted = HtmlReader.readPasted(html);
            if (!isEmpty(pasted)) {
                editor.insert(pasted);
                return;
            }
        }
        if (clipboard.hasString()) {
            editor.insert(RichDocument.ofPlain(clipboard.getString()));
        }
    }

    private static boolean isEmpty(RichDocument document) {
        List<Block> blocks = document.blocks();
        return blocks.size() == 1 && blocks.get(0).spans().isEmpty();
    }
}
