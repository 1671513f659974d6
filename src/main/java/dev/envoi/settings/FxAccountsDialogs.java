package dev.envoi.settings;

import dev.envoi.ui.Texts;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The accounts window's question as a dialog over it. */
public final class FxAccountsDialogs implements AccountsDialogs {

    private final Window owner;
    private final Texts texts = Texts.of(FxAccountsDialogs.class);

    public FxAccountsDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmRemove(String accountName) {
        ButtonType yes = new ButtonType(texts.get("confirm.remove.yes"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(texts.get("confirm.no"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, texts.get("confirm.remove.content"), yes, no);
        alert.initOwner(owner);
        alert.setTitle("Envoi");
        alert.setHeaderText(texts.get("confirm.remove.header", accountName));
        return alert.showAndWait().filter(yes::equals).isPresent();
    }
}
