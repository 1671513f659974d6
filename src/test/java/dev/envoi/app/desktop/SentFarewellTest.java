package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.envoi.account.Account;
import dev.envoi.message.MailAddress;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole program, one compose window, Send: the window closes by itself once the message is
 * handed off, and what the user sees last is a desktop notice saying it was sent, not nothing.
 * Mail goes to a real child process (a sendmail stand-in that reads the message and exits 0).
 */
@Timeout(90)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the sendmail stand-in is a POSIX shell script")
class SentFarewellTest {

    @TempDir
    Path temp;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app); // before the notice goes: Envoi must not end the test's toolkit
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void sendingFromTheOnlyWindowEndsOnANoticeThatItWasSent() throws Exception {
        Path sendmail = temp.resolve("sendmail");
        Files.writeString(sendmail, "#!/bin/sh\ncat > /dev/null\n");
        Files.setPosixFilePermissions(sendmail, PosixFilePermissions.fromString("rwx------"));
        Path profile = temp.resolve("profile");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.accounts().put(Account.sendmail("local", new MailAddress("Émile", "emile@example.org"),
                    sendmail.toString(), false, true));
            store.settings().setUndoWindow(Duration.ZERO);
        }
        app = FxToolkit.setupApplication(EnvoiApp.class, "--profile", profile.toString(), "--to", "jane@example.org",
                "--subject", "Farewell", "--body", "Bye");
        FxWait.until(() -> robot.lookup("#sendButton").tryQuery().isPresent(), "the compose window opens");
        Stage compose = (Stage) robot.lookup("#sendButton").query().getScene().getWindow();
        robot.interact(compose::requestFocus);
        robot.clickOn("#sendButton");

        FxWait.until(() -> !compose.isShowing(), "the window closes by itself once the message is sent");
        FxWait.until(() -> robot.lookup(n -> n instanceof Label l && l.getText() != null
                        && l.getText().contains("“Farewell” was handed to the mail system.")).tryQuery().isPresent(),
                "a notice says the message was sent");
        assertFalse(Window.getWindows().isEmpty());
    }
}
