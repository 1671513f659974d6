package dev.envoi.outbox;

import dev.envoi.ui.Confirmation;
import dev.envoi.ui.Texts;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ChoiceDialog;
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

    @Override
    public boolean confirmDeleteOldSent(int count, String kept) {
        return Confirmation.ask(owner, texts.get("confirm.keepSent.header", count),
                texts.get("confirm.keepSent.content", kept), texts.get("confirm.yes.keepSent"), texts.get("confirm.no"));
    }

    @Override
    public Optional<String> chooseAccount(String subject, List<String> accounts) {
        ChoiceDialog<String> dialog = new ChoiceDialog<>(accounts.get(0), accounts);
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("choose.account.title"));
        dialog.setHeaderText(texts.get("choose.account.header", subject));
        dialog.setContentText(texts.get("choose.account.content"));
        return dialog.showAndWait();
    }

    private boolean confirm(String question, String yesKey, String subject) {
        return Confirmation.ask(owner, texts.get(question + ".header", subject), texts.get(question + ".content"),
                texts.get(yesKey), texts.get("confirm.no"));
    }
}
