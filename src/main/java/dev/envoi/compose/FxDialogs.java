package dev.envoi.compose;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The compose window's questions as modal dialogs over it. */
public final class FxDialogs implements DialogService {

    private static final ButtonType SEND_ANYWAY = new ButtonType("Send anyway", ButtonBar.ButtonData.OK_DONE);
    private static final ButtonType GO_BACK = new ButtonType("Go back", ButtonBar.ButtonData.CANCEL_CLOSE);
    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    private static final ButtonType DISCARD = new ButtonType("Discard", ButtonBar.ButtonData.NO);

    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmSendWithoutSubject() {
        return ask("This message has no subject.", "Send it without a subject?", SEND_ANYWAY, GO_BACK)
                .filter(SEND_ANYWAY::equals).isPresent();
    }

    @Override
    public boolean confirmSendWithoutAttachment() {
        return ask("The message mentions an attachment, but nothing is attached.", "Send it without an attachment?",
                SEND_ANYWAY, GO_BACK).filter(SEND_ANYWAY::equals).isPresent();
    }

    @Override
    public boolean confirmOverSizeLimit(String total, String limit) {
        return ask("The attachments add up to " + total + ", more than this account's limit of " + limit + ".",
                "The server may refuse the message. Send it anyway?", SEND_ANYWAY, GO_BACK)
                .filter(SEND_ANYWAY::equals).isPresent();
    }

    @Override
    public CloseChoice askAboutUnsavedChanges() {
        Optional<ButtonType> answer = ask("Save this message in Drafts before closing?",
                "If you discard it, what you wrote since the last save is lost.", SAVE, DISCARD, ButtonType.CANCEL);
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return CloseChoice.CANCEL;
        }
        return answer.get() == SAVE ? CloseChoice.SAVE : CloseChoice.DISCARD;
    }

    private Optional<ButtonType> ask(String header, String content, ButtonType... buttons) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, buttons);
        alert.initOwner(owner);
        alert.setTitle("Envoi");
        alert.setHeaderText(header);
        return alert.showAndWait();
    }
}
