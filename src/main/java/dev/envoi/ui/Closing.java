package dev.envoi.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.MenuButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * How a window that holds nothing unsaved closes: its visible Close button, Escape (unless an
 * open drop-down list takes it) and Ctrl+W (Cmd+W on macOS), as the compose window closes with Ctrl+W.
 */
public final class Closing {

    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private Closing() {
    }

    /** Call once the stage has its scene. */
    public static void install(Stage stage, Button close) {
        close.setOnAction(e -> stage.close());
        stage.getScene().getAccelerators().put(CLOSE, stage::close);
        // A filter, not the cancel-button default: a focused text field would keep Escape to itself.
        stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !listOpen(stage.getScene().getFocusOwner())) {
                e.consume();
                stage.close();
            }
        });
    }

    /** A drop-down that is open takes Escape to close itself first. */
    private static boolean listOpen(Node focused) {
        return focused instanceof ComboBoxBase<?> box && box.isShowing()
                || focused instanceof ChoiceBox<?> choice && choice.isShowing()
                || focused instanceof MenuButton menu && menu.isShowing();
    }
}
