package dev.envoi.compose;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;

/** Files dragged onto the window, or pasted into it, become attachments. */
final class FileDrop {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private final Consumer<List<Path>> attach;

    FileDrop(Consumer<List<Path>> attach) {
        this.attach = attach;
    }

    void install(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            boolean done = e.getDragboard().hasFiles();
            if (done) {
                attach.accept(paths(e.getDragboard().getFiles()));
            }
            e.setDropCompleted(done);
            e.consume();
        });
        // Pasted files are attached; pasted text goes where the caret is, as usual.
        target.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (PASTE.match(e) && clipboard.hasFiles()) {
                attach.accept(paths(clipboard.getFiles()));
                e.consume();
            }
        });
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }
}
