package dev.envoi.settings;

import dev.envoi.ui.Texts;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The accounts window's certificate controls, built into one placeholder of accounts.fxml so the
 * rest of the form is untouched: the refused certificate (selectable, wrapped) with "Trust this
 * certificate", and the selected account's pinned certificate with "Forget".
 */
final class CertificatePane {

    private CertificatePane() {
    }

    static void fill(VBox area, CertificateTrust trust, Texts texts) {
        TextArea details = new TextArea();
        details.setId("certificateDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(5);
        details.setAccessibleText(texts.get("certificate.accessible"));
        details.textProperty().bind(trust.offeredTextProperty());
        Button trustButton = new Button(texts.get("button.trust"));
        trustButton.setId("trustCertificateButton");
        trustButton.setAccessibleHelp(texts.get("button.trust.help"));
        trustButton.setOnAction(e -> trust.trust());
        VBox offered = new VBox(6, details, trustButton);
        showWhen(offered, trust.offeredProperty().isNotNull());

        Label pinned = new Label();
        pinned.setId("pinnedCertificateLabel");
        pinned.setWrapText(true);
        pinned.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(pinned, Priority.ALWAYS);
        pinned.textProperty().bind(trust.pinnedTextProperty());
        Button forget = new Button(texts.get("button.forgetCertificate"));
        forget.setId("forgetCertificateButton");
        forget.setMinWidth(Button.USE_PREF_SIZE);
        forget.setAccessibleHelp(texts.get("button.forgetCertificate.help"));
        forget.setOnAction(e -> trust.forget());
        HBox pinnedRow = new HBox(6, pinned, forget);
        showWhen(pinnedRow, trust.pinnedTextProperty().isNotEmpty());

        area.getChildren().setAll(pinnedRow, offered);
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
