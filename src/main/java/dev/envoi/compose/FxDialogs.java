package dev.envoi.compose;

import dev.envoi.ui.DialogButtons;
import dev.envoi.ui.Texts;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The compose window's questions as modal dialogs over it. */
public final class FxDialogs implements DialogService {

    private final Window owner;
    private final Texts texts = Texts.of(FxDialogs.class);
    private final ButtonType sendAnyway = new ButtonType(texts.get("dialog.sendAnyway"), ButtonBar.ButtonData.OK_DONE);
    private final ButtonType goBack = new ButtonType(texts.get("dialog.goBack"), ButtonBar.ButtonData.CANCEL_CLOSE);
    private final ButtonType save = new ButtonType(texts.get("dialog.save"), ButtonBar.ButtonData.YES);
    private final ButtonType discard = new ButtonType(texts.get("dialog.discard"), ButtonBar.ButtonData.NO);
    private final ButtonType cancel = new ButtonType(texts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmSendWithoutSubject() {
        return ask(texts.get("dialog.noSubject.header"), texts.get("dialog.noSubject.content"), sendAnyway, goBack)
                .filter(sendAnyway::equals).isPresent();
    }

    @Override
    public boolean confirmSendWithoutAttachment() {
        return ask(texts.get("dialog.noAttachment.header"), texts.get("dialog.noAttachment.content"),
                sendAnyway, goBack).filter(sendAnyway::equals).isPresent();
    }

    @Override
    public boolean confirmOverSizeLimit(String total, String limit) {
        return ask(texts.get("dialog.overLimit.header", total, limit), texts.get("dialog.overLimit.content"),
                sendAnyway, goBack).filter(sendAnyway::equals).isPresent();
    }

    @Override
    public CloseChoice askAboutUnsavedChanges() {
        Optional<ButtonType> answer = ask(texts.get("dialog.unsaved.header"), texts.get("dialog.unsaved.content"),
                save, discard, cancel);
        if (answer.isEmpty() || answer.get() == cancel) {
            return CloseChoice.CANCEL;
        }
        return answer.get() == save ? CloseChoice.SAVE : CloseChoice.DISCARD;
    }

    @Override
    public boolean offerToScaleDown(String name, String size, int width, int height) {
        ButtonType scale = new ButtonType(texts.get("dialog.scaleImage.scale"), ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType(texts.get("dialog.scaleImage.keep"), ButtonBar.ButtonData.NO);
        // The name comes from outside: control characters shown, not obeyed.
        return ask(texts.get("dialog.scaleImage.header", dev.envoi.i18n.VisibleText.of(name), size, width, height),
                texts.get("dialog.scaleImage.content"), scale, keep).filter(scale::equals).isPresent();
    }

    private Optional<ButtonType> ask(String header, String content, ButtonType... buttons) {
        Alert alert = DialogButtons.ordered(new Alert(Alert.AlertType.CONFIRMATION, content, buttons));
        alert.initOwner(owner);
        alert.setTitle("Envoi");
        alert.setHeaderText(header);
        return alert.showAndWait();
    }
}
