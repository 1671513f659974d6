package dev.envoi.settings;

import dev.envoi.ui.Closing;
import dev.envoi.ui.Texts;
import dev.envoi.ui.Views;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The accounts window: its stage, the view from accounts.fxml, and its view-model. */
public final class AccountsWindow {

    private final Stage stage = new Stage();
    private final AccountsViewModel model;

    public AccountsWindow(AccountsContext context, Function<Window, AccountsDialogs> dialogs) {
        Texts texts = Texts.of(AccountsWindow.class);
        this.model = new AccountsViewModel(context, dialogs.apply(stage), texts);
        Views.show(stage, AccountsWindow.class, "accounts.fxml", "accounts.css", texts.bundle(),
                new AccountsController(model));
        stage.setTitle(texts.get("window.title"));
        Closing.install(stage, (Button) stage.getScene().lookup("#closeAccountsButton"));
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
