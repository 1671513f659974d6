package dev.envoi.app.desktop;

import dev.envoi.ui.DialogButtons;
import dev.envoi.ui.Texts;
import dev.envoi.ui.WindowIcons;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The quit question as a dialog of its own: the last window has already closed. */
final class FxQuitQuestion implements QuitQuestion {

    private final Texts texts = Texts.of(FxQuitQuestion.class);

    @Override
    public Answer ask(int waiting) {
        ButtonType quit = new ButtonType(texts.get("quit.quit"), ButtonBar.ButtonData.OK_DONE);
        // Escape or the close box keep Envoi running: the answer that changes nothing.
        ButtonType keep = new ButtonType(texts.get("quit.keep", waiting), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = DialogButtons.ordered(
                new Alert(Alert.AlertType.CONFIRMATION, texts.get("quit.content", waiting), quit, keep));
        alert.setTitle("Envoi");
        alert.setHeaderText(texts.get("quit.header", waiting));
        if (alert.getDialogPane().getScene().getWindow() instanceof Stage stage) {
            WindowIcons.apply(stage);
        }
        return alert.showAndWait().filter(quit::equals).isPresent() ? Answer.QUIT : Answer.KEEP_RUNNING;
    }
}
