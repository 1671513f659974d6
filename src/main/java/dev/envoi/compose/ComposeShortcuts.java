package dev.envoi.compose;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The compose window's keys, caught before any control sees them (a text area would otherwise
 * take Ctrl+Enter as a new line): Ctrl+Enter sends, Ctrl+S saves, Ctrl+Shift+A attaches,
 * Ctrl+Shift+O shows the outbox, Escape cancels a sending message and Ctrl+W closes the window.
 * Ctrl is Cmd on macOS.
 */
final class ComposeShortcuts implements EventHandler<KeyEvent> {

    private static final KeyCombination SEND = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ATTACH = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination OUTBOX = new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination CANCEL = new KeyCodeCombination(KeyCode.ESCAPE);
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final ComposeViewModel model;

    ComposeShortcuts(ComposeViewModel model) {
        this.model = model;
    }

    @Override
    public void handle(KeyEvent event) {
        if (SEND.match(event)) {
            model.sending().send();
        } else if (SAVE.match(event)) {
            model.message().saveDraft();
        } else if (ATTACH.match(event)) {
            model.message().attachWithChooser();
        } else if (OUTBOX.match(event)) {
            model.openOutbox();
        } else if (CANCEL.match(event) && model.sending().cancelEnabledProperty().get()) {
            model.sending().cancel();
        } else if (CLOSE.match(event)) {
            model.close();
        } else {
            return;
        }
        event.consume();
    }
}
