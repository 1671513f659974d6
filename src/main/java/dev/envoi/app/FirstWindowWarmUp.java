package dev.envoi.app;

import dev.envoi.compose.ComposeWindow;
import dev.envoi.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.VBox;

/**
 * Work the first compose window needs and the profile does not, done on the FX thread while the
 * profile opens on another (the FX thread has nothing else to do then): the controls' classes and
 * skins, Modena and Envoi's style sheets parsed and cached, the fonts looked up, one layout. A
 * window of the same controls is styled and laid out, never shown, and dropped. The window that
 * follows finds all of it done (docs/benchmarks.md, benchmark 7).
 */
final class FirstWindowWarmUp {

    private FirstWindowWarmUp() {
    }

    /** Call on the FX thread. Never fails: the real window would do the same work, and show any error. */
    static void run() {
        try {
            ComboBox<String> from = new ComboBox<>();
            from.getItems().add("warm-up@localhost");
            VBox root = new VBox(new ToolBar(new Button("Send"), new ToggleButton("Cc"), new MenuButton("Options")),
                    new Label("From"), from, new TextField("To"), new TextArea("Text"), new ProgressBar(0));
            Scene scene = new Scene(root, 780, 580);
            Theme.style(scene, ComposeWindow.class, "compose.css");
            root.applyCss();
            root.layout();
        } catch (RuntimeException e) {
            // Nothing was meant to come of it.
        }
    }
}
