package dev.envoi.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** A yes-or-no question over a window, with buttons that say what they do. */
public final class Confirmation {

    private Confirmation() {
    }

    public static boolean ask(Window owner, String header, String content, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = DialogButtons.ordered(new Alert(Alert.AlertType.CONFIRMATION, content, yesButton, noButton));
        alert.initOwner(owner);
        alert.setTitle("Envoi");
        alert.setHeaderText(header);
        return alert.showAndWait().filter(yesButton::equals).isPresent();
    }
}
