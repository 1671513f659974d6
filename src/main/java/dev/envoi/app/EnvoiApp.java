package dev.envoi.app;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The JavaFX application. The profile is opened in {@link #init()}, on the launcher thread, so
 * the FX thread never waits on the disk, and the first window opens as soon as the toolkit is up.
 */
public final class EnvoiApp extends Application {

    private static final AtomicReference<GuiStart> PENDING = new AtomicReference<>();

    private GuiStart start;
    private DesktopSession session;
    private RuntimeException failure;

    /** Starts the toolkit with this request and returns when the last window has closed. */
    static void launch(GuiStart request) {
        PENDING.set(request);
        Application.launch(EnvoiApp.class);
    }

    @Override
    public void init() {
        start = PENDING.getAndSet(null);
        if (start == null) {
            start = GuiStart.defaults();
        }
        try {
            session = DesktopSession.open(start);
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public void start(Stage unused) {
        if (failure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage());
            alert.setTitle("Envoi");
            alert.setHeaderText("Envoi cannot open its profile");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        StartupProbe.watch(session.openCompose(start.request()).stage());
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
