package dev.envoi.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Puts a view on a stage the way every Envoi window does: the FXML beside the window's class, its
 * words from the window's bundle, its controller from the window (so it gets its view-model), the
 * shared and own style sheets with the theme, and the app icon.
 */
public final class Views {

    private Views() {
    }

    public static void show(Stage stage, Class<?> window, String fxml, String css, ResourceBundle words,
                            Object controller) {
        Scene scene = new Scene(load(window, fxml, words, controller));
        Theme.style(scene, window, css);
        stage.setScene(scene);
        WindowIcons.apply(stage);
    }

    /** Loads the FXML beside {@code owner} with its words; {@code controller} may be null for a view without one. */
    public static Parent load(Class<?> owner, String fxml, ResourceBundle words, Object controller) {
        FXMLLoader loader = new FXMLLoader(owner.getResource(fxml), words);
        if (controller != null) {
            loader.setControllerFactory(type -> controller);
        }
        try {
            return loader.load();
        } catch (IOException e) {
            // A view that does not load is a build defect, not something a user can act on.
            throw new UncheckedIOException(fxml + " could not be loaded", e);
        }
    }
}
