package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.testing.FxWait;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import dev.envoi.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Desktop notices when Envoi has no window (it stays windowless until its messages are sent): the
 * notice still shows, and the stage it belongs to keeps Envoi running until the notice is gone.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class DesktopNoticesTest {

    private final List<Stage> keptOpen = new CopyOnWriteArrayList<>();
    private final DesktopNotices notices = new DesktopNotices(keptOpen::add, Duration.ofMillis(400),
            Duration.ofMillis(800));

    @Test
    void withoutAWindowTheNoticeShowsAndKeepsEnvoiUntilItIsGone() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.asyncFx(() -> notices.accept(new DeliveryNotifier.Notice("Message sent",
                "“Report” was handed to the mail system.", false))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, keptOpen.size(), "a stage to belong to, which the session counts as a window");
        Stage corner = keptOpen.get(0);
        assertTrue(corner.isShowing());
        assertEquals(0, corner.getOpacity(), "it is not seen");
        assertTrue(Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing()),
                "the notice shows");
        FxWait.until(() -> !corner.isShowing(), "the stage closes once the notice is gone");
    }

    @Test
    void inTheDarkThemeTheNoticesWordsAreLightOnItsDarkBackground() throws Exception {
        Theme.use(Theme.DARK);
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                Stage stage = new Stage();
                Scene scene = new Scene(new StackPane(), 300, 200);
                Theme.style(scene, DesktopNoticesTest.class, "/dev/envoi/ui/envoi.css");
                stage.setScene(scene);
                stage.show();
                notices.accept(new DeliveryNotifier.Notice("Messages sent", "3 more messages were handed to the mail system.", false));
                return stage;
            }).get(5, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            Node bar = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(w -> w instanceof PopupWindow && w.isShowing())
                    .map(w -> w.getScene().getRoot().lookup(".notification-bar")).filter(n -> n != null)
                    .findFirst().orElseThrow()).get(5, TimeUnit.SECONDS);
            assertTrue(bar.getStyleClass().contains("dark"), "the notice takes the dark style: " + bar.getStyleClass());
            Labeled words = WaitForAsyncUtils.asyncFx(() -> (Labeled) bar.lookup(".label")).get(5, TimeUnit.SECONDS);
            assertTrue(((Color) words.getTextFill()).getBrightness() > 0.8, "its words are light: " + words.getTextFill());
        } finally {
            Theme.use(Theme.LIGHT);
            WaitForAsyncUtils.asyncFx(() -> List.copyOf(Window.getWindows()).forEach(Window::hide)).get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void withAWindowTheNoticeBelongsToIt() throws Exception {
        Stage window = WaitForAsyncUtils.asyncFx(() -> {
            Stage stage = new Stage();
            stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 300, 200));
            stage.show();
            return stage;
        }).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.asyncFx(() -> notices.accept(new DeliveryNotifier.Notice("Message refused",
                "550 no such user It is back in Drafts.", true))).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(keptOpen.isEmpty(), "no stage of its own");
        assertTrue(Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow popup && popup.isShowing()
                && popup.getOwnerWindow() == window), "the notice belongs to the open window");
        WaitForAsyncUtils.asyncFx(window::close).get(5, TimeUnit.SECONDS);
        assertFalse(window.isShowing());
    }
}
