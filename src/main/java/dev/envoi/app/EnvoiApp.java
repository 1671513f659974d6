package dev.envoi.app;

import dev.envoi.ui.Texts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * The JavaFX application. The profile is opened off the FX thread, while the toolkit starts, so
 * the FX thread never waits on the disk, and the first window opens as soon as the toolkit is up.
 */
public final class EnvoiApp extends Application {

    private static final AtomicReference<Opening> PENDING = new AtomicReference<>();

    private GuiStart start;
    private DesktopSession session;
    private RuntimeException failure;

    /** A profile being opened on a background thread while the toolkit starts. */
    private record Opening(GuiStart start, CompletableFuture<DesktopSession> session) {
        static Opening begin(GuiStart start) {
            return new Opening(start, CompletableFuture.supplyAsync(() -> DesktopSession.open(start)));
        }
    }

    /** Starts the toolkit with this request and returns when the last window has closed. */
    static void launch(GuiStart request) {
        // Opening the profile (SQLite, the spooler) and starting the toolkit each take a good part
        // of a second: done side by side, the window opens sooner (benchmark 7).
        PENDING.set(Opening.begin(request));
        Application.launch(EnvoiApp.class);
    }

    @Override
    public void init() {
        Opening opening = PENDING.getAndSet(null);
        if (opening == null) {
            opening = Opening.begin(GuiStart.defaults());
        }
        start = opening.start();
        try {
            session = opening.session().join();
        } catch (CompletionException e) {
            failure = e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void start(Stage unused) {
        if (failure != null) {
            start.inbox().close();
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage());
            alert.setTitle("Envoi");
            alert.setHeaderText(Texts.of(EnvoiApp.class).get("error.profile"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        StartupProbe.watch(session.start(start));
    }

    @Override
    public void stop() {
        if (session != null) {
            session.close();
        }
    }
}
