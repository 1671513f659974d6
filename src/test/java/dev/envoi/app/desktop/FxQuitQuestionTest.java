package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The quit question as the user sees it: how many wait, when they go out, and the two choices. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class FxQuitQuestionTest {

    @Start
    void start(Stage unused) {
        // No window: the question comes after the last one has closed.
    }

    private Future<QuitQuestion.Answer> ask(FxRobot robot, int waiting) throws Exception {
        Future<QuitQuestion.Answer> answer = WaitForAsyncUtils.asyncFx(() -> new FxQuitQuestion().ask(waiting));
        // Shown and laid out: the button bar puts its buttons in the scene on its first layout.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane .button").tryQuery()
                .filter(b -> b.getScene() != null).isPresent());
        return answer;
    }

    /** Waits for the named button: the dialog lays out on the FX thread while the robot looks. */
    private static Button button(FxRobot robot, String text) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findButton(robot, text).isPresent());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no button \"" + text + "\" in the dialog", e);
        }
        return findButton(robot, text).orElseThrow();
    }

    private static java.util.Optional<Button> findButton(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.getScene() != null && b.isVisible()).findFirst();
    }

    @Test
    void itSaysHowManyWaitAndQuitQuits(FxRobot robot) throws Exception {
        Future<QuitQuestion.Answer> answer = ask(robot, 3);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("3 messages are waiting to be sent", pane.getHeaderText());
        assertTrue(pane.getContentText().contains("they go out the next time you start Envoi"), pane.getContentText());
        robot.clickOn(button(robot, "Quit"));
        assertEquals(QuitQuestion.Answer.QUIT, answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void oneMessageIsSaidSoAndKeepRunningKeepsIt(FxRobot robot) throws Exception {
        Future<QuitQuestion.Answer> answer = ask(robot, 1);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals("One message is waiting to be sent", pane.getHeaderText());
        robot.clickOn(button(robot, "Keep Envoi running until it is sent"));
        assertEquals(QuitQuestion.Answer.KEEP_RUNNING, answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void escapeKeepsEnvoiRunning(FxRobot robot) throws Exception {
        Future<QuitQuestion.Answer> answer = ask(robot, 2);
        robot.type(KeyCode.ESCAPE);
        assertEquals(QuitQuestion.Answer.KEEP_RUNNING, answer.get(10, TimeUnit.SECONDS));
    }
}
