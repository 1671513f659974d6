package dev.envoi.compose;

import dev.envoi.spelling.Spellers;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the compose window hooks onto its body editor once {@link LazyBody} has built it. Kept out of
 * {@link ComposeController} on purpose: FXMLLoader reflects on the controller's methods, and a
 * lambda taking a BodyEditor there is a method whose parameter type loads RichTextFX's classes
 * before the window's first frame. For the same reason the hooks are Runnables that ask
 * {@link LazyBody#editor()}, not lambdas taking the editor.
 */
final class BodyWiring {

    private BodyWiring() {
    }

    /** The editor shows and edits the message's body; the formatting bar works on it. */
    static void bind(LazyBody body, MessageViewModel message, Texts texts) {
        body.onBuilt(() -> {
            BodyEditor editor = body.editor();
            BodyBinding.bind(editor, message.bodyProperty(), message.bodyHtmlProperty(), message::setPendingBodyHtml);
            FormatToolbar.install(body.formatBar(), editor, texts, message.editingProperty());
            editor.editableProperty().bind(message.editingProperty());
        });
    }

    /** Pasted and dropped images show in the body; other dropped files are attached. */
    static void showImages(LazyBody body, BodyImages images, Consumer<List<Path>> attach) {
        body.onBuilt(() -> new BodyImageView(body.editor(), images, attach).install());
    }

    /** Misspelt words are underlined, with suggestions in the context menu (issue 20). */
    static void checkSpelling(LazyBody body, Spellers spellers, Scheduler scheduler, Executor ui, Texts texts,
                              ObservableBooleanValue editing) {
        body.onBuilt(() -> BodySpelling.install(body.editor(), spellers, scheduler, ui, texts, editing));
    }

    /** The editor takes the focus once it exists (a window whose To is already filled in). */
    static void focus(LazyBody body) {
        body.onBuilt(() -> body.editor().requestFocus());
    }
}
