package dev.envoi.outbox;

import dev.envoi.ui.Closing;
import dev.envoi.ui.Texts;
import dev.envoi.ui.Views;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The outbox window: its stage, the view from outbox.fxml, and its view-model, live while shown. */
public final class OutboxWindow {

    private final Stage stage = new Stage();
    private final OutboxViewModel model;
    private final SentCopiesModel copies;
    private final SentRetentionModel retention;

    public OutboxWindow(OutboxContext context, Function<Window, OutboxDialogs> dialogs) {
        Texts texts = Texts.of(OutboxWindow.class);
        OutboxDialogs questions = dialogs.apply(stage);
        this.model = new OutboxViewModel(context, questions, texts);
        this.copies = new SentCopiesModel(context, texts);
        this.retention = new SentRetentionModel(context, questions, texts);
        Views.show(stage, OutboxWindow.class, "outbox.fxml", "outbox.css", texts.bundle(),
                new OutboxController(model, copies, retention, texts));
        stage.setTitle(texts.get("window.title"));
        Closing.install(stage, (Button) stage.getScene().lookup("#closeOutboxButton"));
        stage.setOnShown(e -> {
            model.start();
            copies.start();
            retention.start();
        });
        stage.setOnHidden(e -> {
            model.dispose();
            copies.dispose();
        });
    }

    /** The copies for the server's Sent folder, and their retry. */
    public SentCopiesModel copies() {
        return copies;
    }

    /** The Sent tab's "Keep in Sent" setting. */
    public SentRetentionModel retention() {
        return retention;
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
