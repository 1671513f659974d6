package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.ui.DialogButtons;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The compose window's real dialogs: their buttons in the order the desktop puts them. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class FxDialogsTest {

    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void theCloseQuestionPutsItsButtonsInThePlatformsOrder(FxRobot robot) throws Exception {
        Future<DialogService.CloseChoice> answer = WaitForAsyncUtils.asyncFx(
                () -> new FxDialogs(owner).askAboutUnsavedChanges());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class)
                .stream().filter(b -> b.getScene() != null && b.isVisible()).count() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> leftToRight = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getScene() != null && b.isVisible())
                .sorted(Comparator.comparingDouble(b -> b.localToScreen(0, 0).getX()))
                .map(Button::getText).toList();

        String order = DialogButtons.orderFor(System.getProperty("os.name", ""));
        List<String> expected = order.equals(ButtonBar.BUTTON_ORDER_WINDOWS)
                ? List.of("Save", "Discard", "Cancel")      // Windows: affirmative first
                : List.of("Discard", "Cancel", "Save");     // GNOME, KDE, macOS: affirmative last, Cancel before it
        assertEquals(expected, leftToRight);
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> "Cancel".equals(((Button) n).getText()))
                .queryButton());
        assertEquals(DialogService.CloseChoice.CANCEL, answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theScaleQuestionNamesTheImageSafelyAndScalesOnYes(FxRobot robot) throws Exception {
        Future<Boolean> answer = WaitForAsyncUtils.asyncFx(
                () -> new FxDialogs(owner).offerToScaleDown("big\u0007.png", "3.2 MB", 4000, 3000));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class)
                .stream().filter(b -> b.getScene() != null && b.isVisible()).count() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        String header = robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getHeaderText();
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("3.2 MB") && !header.contains("\u0007"), header);
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> "Scale down".equals(((Button) n).getText()))
                .queryButton());
        assertEquals(Boolean.TRUE, answer.get(10, TimeUnit.SECONDS));
    }
}
