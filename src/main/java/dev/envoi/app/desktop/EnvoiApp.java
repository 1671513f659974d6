package dev.envoi.app.desktop;

import dev.envoi.app.Launcher;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.ui.RegionPainting;
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
 * Started by something other than the {@link Launcher} (UI automation's
 * {@code FxToolkit.setupApplication(EnvoiApp.class, "--profile", dir)}, {@code Application.launch}),
 * it reads its parameters as a bare {@code envoi} reads its arguments, and refuses unknown ones
 * with a visible error rather than opening the user's default profile.
 */
public final class EnvoiApp extends Application {

    private static final AtomicReference<Opening> PENDING = new AtomicReference<>();

    private GuiStart start;
    private DesktopSession session;
    private Exception failure;
    /** Started by the launcher, Envoi owns the toolkit and ends it; else whoever started it does. */
    private boolean launched;

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
        RegionPainting.fillDirectly();
        Application.launch(EnvoiApp.class);
    }

    @Override
    public void init() {
        Opening opening = PENDING.getAndSet(null);
        launched = opening != null;
        if (opening == null) {
            try {
                GuiLauncher.WindowArgs args = new GuiLauncher(Terminal.system()).read(getParameters().getRaw());
                args.apply();
                opening = Opening.begin(args.start());
            } catch (UsageException e) {
                failure = e;
                return;
            }
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
            if (start != null) {
                start.inbox().close();
            }
            Alert alert = new Alert(Alert.AlertType.ERROR, failure.getMessage());
            alert.setTitle("Envoi");
            alert.setHeaderText(Texts.of(EnvoiApp.class).get(
                    failure instanceof UsageException ? "error.arguments" : "error.profile"));
            alert.getDialogPane().setId("startError");
            // Not showAndWait: whoever started the application (a test harness) gets start() back.
            alert.setOnHidden(e -> {
                if (launched) {
                    Platform.exit();
                }
            });
            alert.show();
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
