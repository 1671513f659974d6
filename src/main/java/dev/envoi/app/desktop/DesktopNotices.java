package dev.envoi.app.desktop;

import dev.envoi.ui.Theme;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * Shows a {@link DeliveryNotifier.Notice} on the desktop. A notification needs a window to belong
 * to: an Envoi window if one shows; when none does (Envoi stays windowless until its messages are
 * sent) an invisible one-pixel stage in the corner of the screen, so the notice appears in that
 * corner. That stage is handed to {@code keepOpen} (the session counts it as a window, so Envoi
 * does not quit under the notice) and closes once the notice has gone.
 */
final class DesktopNotices implements Consumer<DeliveryNotifier.Notice> {

    private final Consumer<Stage> keepOpen;
    private final Duration news;
    private final Duration warning;

    /** Good news shows for {@code news}, a warning for {@code warning}. */
    DesktopNotices(Consumer<Stage> keepOpen, java.time.Duration news, java.time.Duration warning) {
        this.keepOpen = keepOpen;
        this.news = Duration.millis(news.toMillis());
        this.warning = Duration.millis(warning.toMillis());
    }

    @Override
    public void accept(DeliveryNotifier.Notice notice) {
        Duration shownFor = notice.warning() ? warning : news;
        Notifications notification = Notifications.create().title(notice.title()).text(notice.text())
                .hideAfter(shownFor);
        if (Theme.current() == Theme.DARK) {
            // The dark theme darkens the notice's background through the owner's sheet; ControlsFX's
            // light style keeps its near-black words on it, unreadable: its dark style pairs them.
            notification.darkStyle();
        }
        Window owner = Window.getWindows().stream().filter(w -> w instanceof Stage && w.isShowing()).findFirst()
                .orElse(null);
        if (owner == null) {
            Stage corner = cornerStage();
            keepOpen.accept(corner);
            corner.show();
            PauseTransition gone = new PauseTransition(shownFor.add(Duration.seconds(1)));
            gone.setOnFinished(e -> corner.close());
            gone.play();
            owner = corner;
        }
        notification.owner(owner);
        if (notice.warning()) {
            notification.showWarning();
        } else {
            notification.showInformation();
        }
    }

    /** A transparent one-pixel utility stage at the bottom right of the primary screen's free area. */
    private static Stage cornerStage() {
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.setOpacity(0);
        stage.setScene(new Scene(new Group(), 1, 1));
        Rectangle2D area = Screen.getPrimary().getVisualBounds();
        stage.setX(area.getMaxX() - 1);
        stage.setY(area.getMaxY() - 1);
        return stage;
    }
}
