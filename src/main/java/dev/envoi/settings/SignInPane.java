package dev.envoi.settings;

import dev.envoi.oauth.OAuthProvider;
import dev.envoi.ui.Texts;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Sign in part of accounts.fxml, built here so the FXML only places it: provider, issuer,
 * client id, the Sign in button and what it said. Hidden unless the account signs in with OAuth 2.0.
 */
public final class SignInPane extends VBox {

    private final ChoiceBox<OAuthProvider> providerField = new ChoiceBox<>();
    private final TextField issuerField = new TextField();
    private final TextField clientIdField = new TextField();
    private final TextField scopesField = new TextField();
    private final Button signInButton = new Button();
    private final Label signInStatus = new Label();
    private final GridPane grid = new GridPane();

    public SignInPane() {
        super(6);
        providerField.setId("oauthProviderField");
        issuerField.setId("oauthIssuerField");
        clientIdField.setId("oauthClientIdField");
        scopesField.setId("oauthScopesField");
        signInButton.setId("signInButton");
        signInStatus.setId("signInStatus");
        signInStatus.setWrapText(true);
        providerField.setMaxWidth(Double.MAX_VALUE);
    }

    /** Binds to the window's model; {@code onSignIn} runs the sign-in of the saved account. */
    void bind(SignInViewModel model, javafx.beans.value.ObservableBooleanValue shown, Runnable onSignIn) {
        Texts texts = model.texts();
        grid.setHgap(8);
        grid.setVgap(6);
        // At least as wide as the form's label column above, and never narrower than its longest
        // label: a fixed 140 cut "Fournisseur de connexion :" to "Fournisseur de con...".
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(140);
        grid.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        grid.getColumnConstraints().get(1).setHgrow(javafx.scene.layout.Priority.ALWAYS);
        row(grid, 0, texts.get("signIn.provider"), providerField);
        row(grid, 1, texts.get("signIn.issuer"), issuerField);
        row(grid, 2, texts.get("signIn.clientId"), clientIdField);
        row(grid, 3, texts.get("signIn.scopes"), scopesField);
        scopesField.setPromptText(texts.get("signIn.scopes.prompt"));
        signInButton.setText(texts.get("signIn.button"));
        getChildren().setAll(grid, new HBox(6, signInButton), signInStatus);

        providerField.getItems().setAll(OAuthProvider.values());
        providerField.setConverter(new StringConverter<>() {
            @Override
            public String toString(OAuthProvider item) {
                return item == null ? "" : texts.get("provider." + item.name());
            }

            @Override
            public OAuthProvider fromString(String text) {
                return null;
            }
        });
        providerField.valueProperty().bindBidirectional(model.providerProperty());
        issuerField.textProperty().bindBidirectional(model.issuerProperty());
        clientIdField.textProperty().bindBidirectional(model.clientIdProperty());
        scopesField.textProperty().bindBidirectional(model.scopesProperty());
        issuerField.disableProperty().bind(model.providerProperty().isNotEqualTo(OAuthProvider.CUSTOM));
        signInButton.disableProperty().bind(model.busyProperty());
        signInButton.setOnAction(e -> onSignIn.run());
        signInStatus.textProperty().bind(model.statusProperty());
        visibleProperty().bind(shown);
        managedProperty().bind(visibleProperty());
    }

    /** The grid of labels and fields, whose label column the form lines up with its own. */
    GridPane grid() {
        return grid;
    }

    private static void row(GridPane grid, int index, String text, javafx.scene.control.Control field) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setLabelFor(field);
        field.setAccessibleText(text.replace(":", "").strip());
        grid.add(label, 0, index);
        grid.add(field, 1, index);
    }
}
