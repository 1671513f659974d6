package dev.envoi.compose;

import dev.envoi.ui.FirstFrame;
import dev.envoi.ui.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;

/**
 * The compose window's body editor, built into compose.fxml's {@code bodySlot} right after the
 * window's first frame (issue 20/21, benchmark 7), with the formatting bar above it
 * (format-bar.fxml). RichTextFX, ReactFX and what works on the editor (spelling, inline images)
 * are ~790 classes: loading them before the first frame made the window 1.6x an empty JavaFX
 * window's start. The bar's 13 buttons do nothing without the editor, and were a third of the
 * controls the first frame styled (CSS: half of its FX time). A window opens with the focus in
 * To, so nothing the user can reach needs either in the first frame; both appear together below
 * the header, which does not move.
 *
 * <p>Nothing is lost meanwhile: the view-model holds the body's text and formatting (a draft, a
 * mailto body, a signature, a save or a send before the editor exists uses them as they are), and
 * the editor shows them when {@link BodyBinding} binds it. The build is queued on the FX thread
 * during the first frame's pulse, so every key or click that comes after the first frame is
 * handled after the editor exists.
 */
final class LazyBody {

    /** The editor's id, as before: tests, automation (docs/automation.md) and the style sheet use it. */
    static final String ID = "bodyArea";

    private final VBox column;
    private final StackPane slot;
    private final ResourceBundle words;
    private final List<Runnable> installs = new ArrayList<>();
    private final CompletableFuture<BodyEditor> ready = new CompletableFuture<>();

    private Parent formatBar;

    /** {@code slot} is where the editor goes, in {@code column}, whose top gets the formatting bar. */
    LazyBody(VBox column, StackPane slot, ResourceBundle words) {
        this.column = column;
        this.slot = slot;
        this.words = words;
    }

    /**
     * Runs {@code install} once the editor exists ({@link #editor()}), in the order given. A Runnable,
     * not a Consumer of the editor: a lambda taking a BodyEditor is linked with its parameter types,
     * which loads RichTextFX's classes with the window (see {@link BodyWiring}).
     */
    void onBuilt(Runnable install) {
        if (ready.isDone()) {
            install.run();
        } else {
            installs.add(install);
        }
    }

    /** The editor, once built. */
    BodyEditor editor() {
        if (!ready.isDone()) {
            throw new IllegalStateException("the body editor is built after the window's first frame");
        }
        return ready.join();
    }

    /** The formatting bar (format-bar.fxml), once built with the editor. */
    Parent formatBar() {
        editor();
        return formatBar;
    }

    /** Completes on the FX thread with the editor, once it is in the window and bound. */
    CompletionStage<BodyEditor> ready() {
        return ready;
    }

    /** The editor, or null before the window's first frame. */
    BodyEditor editorOrNull() {
        return ready.getNow(null);
    }

    /** Builds the editor at the end of the first layout pulse in which the scene's window is showing. */
    void buildAfterFirstFrame(Scene scene) {
        // After this pulse, so its frame goes to the screen first; before any later input.
        FirstFrame.afterLayout(scene, () -> Platform.runLater(this::build));
    }

    /** Builds the editor now (also for a window that is never shown, when something asks for it). */
    BodyEditor build() {
        if (ready.isDone()) {
            return ready.join();
        }
        formatBar = Views.load(LazyBody.class, "format-bar.fxml", words, null);
        column.getChildren().add(0, formatBar);
        BodyEditor editor = Maker.make(slot, words);
        ready.complete(editor);
        for (Runnable install : installs) {
            install.run();
        }
        installs.clear();
        return editor;
    }

    /**
     * Makes the editor. A class of its own: verifying code that hands a BodyEditor where a Node is
     * expected loads RichTextFX's class hierarchy, and LazyBody itself is loaded with the window.
     */
    private static final class Maker {

        private Maker() {
        }

        static BodyEditor make(StackPane slot, ResourceBundle words) {
            BodyEditor editor = new BodyEditor();
            editor.setId(ID);
            editor.setAccessibleText(words.getString("field.body"));
            editor.setAccessibleHelp(words.getString("field.body.help"));
            slot.getChildren().setAll(new VirtualizedScrollPane<>(editor));
            return editor;
        }
    }
}
