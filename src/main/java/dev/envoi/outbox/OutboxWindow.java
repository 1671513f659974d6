package dev.envoi.outbox;

import dev.envoi.ui.Texts;
import dev.envoi.ui.Theme;
import dev.envoi.ui.WindowIcons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The outbox window: its stage, the view from outbox.fxml, and its view-model, live while shown. */
public final class OutboxWindow {

    private final Stage stage = new Stage();
    private final OutboxViewModel model;

    public OutboxWindow(OutboxContext context, Function<Window, OutboxDialogs> dialogs) {
        Texts texts = Texts.of(OutboxWindow.class);
        this.model = new OutboxViewModel(context, dialogs.apply(stage), texts);
        FXMLLoader loader = new FXMLLoader(OutboxWindow.class.getResource("outbox.fxml"), texts.bundle());
        loader.setControllerFactory(type -> new OutboxController(model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("outbox.fxml could not be loaded", e);
        }
        Scene scene = new Scene(root);
        Theme.style(scene, OutboxWindow.class, "outbox.css");
        stage.setScene(scene);
        WindowIcons.apply(stage);
        stage.setTitle(texts.get("window.title"));
        stage.setOnShown(e -> model.start());
        stage.setOnHidden(e -> model.dispose());
    }

    public OutboxViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
