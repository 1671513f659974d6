package dev.envoi.compose;

import dev.envoi.spelling.Spellers;
import dev.envoi.ui.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One compose window: its stage, the view loaded from compose.fxml, and its view-model. Closing
 * it asks about unsaved changes; once hidden, the view-model lets go of everything it listened to
 * and finishes the store work it started.
 */
public final class ComposeWindow {

    private final Stage stage;
    private final ComposeViewModel model;
    private final List<Runnable> closedListeners = new ArrayList<>();
    private final CompletionStage<BodyEditor> bodyReady;

    public ComposeWindow(ComposeContext context, Function<Window, DialogService> dialogs,
                         Function<Window, FileChooserService> fileChooser, List<Sender> identities) {
        this.stage = new Stage();
        this.model = new ComposeViewModel(context, dialogs.apply(stage), fileChooser.apply(stage), identities);
        SignatureSwap.attach(model.message(), context.store().writingSettings(), context.background(), context.ui());
        PlainTextDefault.attach(model.message(), context.store().writingSettings(), context.background(), context.ui());
        ComposeController controller = new ComposeController(model);
        Views.show(stage, ComposeWindow.class, "compose.fxml", "compose.css", model.texts().bundle(), controller);
        controller.checkSpelling(Spellers.shared(context.store().profileFolder()),
                context.scheduler(), context.ui());
        controller.buildBodyAfterFirstFrame(stage.getScene());
        this.bodyReady = controller.bodyReady();
        // The start-up probe (app.desktop.StartupProbe.SETTLED) waits for it: the window is whole then.
        stage.getProperties().put("envoi.settled", bodyReady);
        stage.titleProperty().bind(model.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!model.requestClose()) {
                e.consume();
            }
        });
        stage.setOnShown(e -> controller.focusWhereTypingStarts());
        stage.setOnHidden(e -> model.dispose().thenRun(() -> context.ui().execute(
                () -> closedListeners.forEach(Runnable::run))));
        model.closeRequestedProperty().addListener((o, was, close) -> {
            if (close) {
                stage.close();
            }
        });
    }

    public ComposeViewModel model() {
        return model;
    }

    /**
     * Completes on the FX thread once the body editor (id {@code bodyArea}) is in the window: it is
     * built right after the window's first frame, so a test or a tool that types into the body waits for this.
     */
    public CompletionStage<BodyEditor> bodyReady() {
        return bodyReady;
    }

    public Stage stage() {
        return stage;
    }

    /**
     * Runs on the UI thread once the window has closed, its view-model has let go, and the store
     * work it started (a message sent just before closing, a last save) is done.
     */
    public void whenClosed(Runnable listener) {
        closedListeners.add(listener);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
