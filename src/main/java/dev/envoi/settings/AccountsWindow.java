package dev.envoi.settings;

import dev.envoi.ui.Texts;
import dev.envoi.ui.Theme;
import dev.envoi.ui.WindowIcons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The accounts window: its stage, the view from accounts.fxml, and its view-model. */
public final class AccountsWindow {

    private final Stage stage = new Stage();
    private final AccountsViewModel model;

    public AccountsWindow(AccountsContext context, Function<Window, AccountsDialogs> dialogs) {
        Texts texts = Texts.of(AccountsWindow.class);
        this.model = new AccountsViewModel(context, dialogs.apply(stage), texts);
        FXMLLoader loader = new FXMLLoader(AccountsWindow.class.getResource("accounts.fxml"), texts.bundle());
        loader.setControllerFactory(type -> new AccountsController(model));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("accounts.fxml could not be loaded", e);
        }
        Scene scene = new Scene(root);
        Theme.style(scene, AccountsWindow.class, "accounts.css");
        stage.setScene(scene);
        WindowIcons.apply(stage);
        stage.setTitle(texts.get("window.title"));
        stage.setOnShown(e -> model.load());
    }

    public AccountsViewModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
