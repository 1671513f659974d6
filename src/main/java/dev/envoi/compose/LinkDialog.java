package dev.envoi.compose;

import dev.envoi.message.rich.LinkTarget;
import dev.envoi.ui.DialogButtons;
import dev.envoi.ui.Texts;
import java.util.function.BiPredicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * Ctrl+K: the words and the address of a link. OK stays off until the address is one a message
 * may carry (web or mail, {@link LinkTarget}); a {@code javascript:} or {@code file:} address
 * says why it is refused. Not modal-blocking: the window goes on while it is open.
 */
final class LinkDialog {

    private LinkDialog() {
    }

    /** Shows the dialog; {@code apply} gets (words, address) on OK. */
    static void ask(Node owner, Texts texts, String words, String address, BiPredicate<String, String> apply) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.getScene().getWindow());
        dialog.setTitle(texts.get("link.title"));
        dialog.setHeaderText(texts.get("link.header"));
        TextField wordsField = new TextField(words);
        wordsField.setId("linkTextField");
        TextField addressField = new TextField(address);
        addressField.setId("linkAddressField");
        addressField.setPromptText("https://");
        Label problem = new Label();
        problem.setId("linkProblem");
        problem.getStyleClass().add("link-problem");
        problem.setWrapText(true);
        Label wordsLabel = new Label(texts.get("link.words"));
        wordsLabel.setLabelFor(wordsField);
        Label addressLabel = new Label(texts.get("link.address"));
        addressLabel.setLabelFor(addressField);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, wordsLabel, wordsField);
        grid.addRow(1, addressLabel, addressField);
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(texts.get("link.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        DialogButtons.ordered(dialog);
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.setId("linkOkButton");
        Runnable check = () -> {
            String typed = addressField.getText();
            boolean safe = LinkTarget.isSafe(LinkTarget.normalise(typed));
            okButton.setDisable(!safe);
            problem.setText(typed.isBlank() || safe ? "" : texts.get("link.refused"));
        };
        addressField.textProperty().addListener((o, a, b) -> check.run());
        check.run();
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == ok) {
                apply.test(wordsField.getText(), addressField.getText());
            }
        });
        dialog.show();
        Platform.runLater((words.isEmpty() ? wordsField : addressField)::requestFocus);
    }
}
