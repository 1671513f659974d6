package dev.envoi.bench;

import dev.envoi.app.desktop.StartupProbe;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The start-up benchmark's baseline: the least a JavaFX program can show that takes typing, a
 * window of the compose window's size holding one text field, finished by the same probe.
 */
public final class EmptyWindowApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new TextField()), 780, 580));
        stage.setTitle("Empty");
        StartupProbe.watch(stage);
        stage.show();
    }

    /** Started like Envoi's launcher: a plain main class on the class path that launches the toolkit. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(EmptyWindowApp.class, args);
        }
    }
}
