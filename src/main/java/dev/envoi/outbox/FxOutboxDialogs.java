package dev.envoi.outbox;

import dev.envoi.ui.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The outbox's questions as modal dialogs over its window. */
public final class FxOutboxDialogs implements OutboxDialogs {

    private final Window owner;
    private final Texts texts = Texts.of(FxOutboxDialogs.class);

    public FxOutboxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmDeleteDraft(String subject) {
        return confirm("confirm.delete", "confirm.yes.delete", subject);
    }

    @Override
    public boolean confirmSendAgain(String subject) {
        return confirm("confirm.sendAgain", "confirm.yes.sendAgain", subject);
    }

    @Override
    public boolean confirmMarkSent(String subject) {
        return confirm("confirm.markSent", "confirm.yes.markSent", subject);
    }

    private boolean confirm(String question, String yesKey, String subject) {
        ButtonType yes = new ButtonType(texts.get(yesKey), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(texts.get("confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get(question + ".content"), yes, no);
        alert.initOwner(owner);
        alert.setTitle("Envoi");
        alert.setHeaderText(texts.get(question + ".header", subject));
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
