package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.app.cli.ProfileLocation;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * EnvoiApp started as UI automation starts it, {@code FxToolkit.setupApplication(EnvoiApp.class,
 * args)}, without the launcher: it takes the launcher's arguments, and refuses unknown ones on screen.
 * The user's home is a temporary folder here, so "the default profile" is one the test can see.
 */
@Timeout(90)
class EnvoiAppParametersTest {

    @TempDir
    Path temp;
    private Path home;
    private String realHome;
    private Application app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void fakeHome() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (app != null) {
                FxToolkit.cleanupApplication(app);
            }
            FxToolkit.cleanupStages();
        } finally {
            System.setProperty("user.home", realHome);
        }
    }

    private Path defaultProfile() {
        return ProfileLocation.defaultFor(System.getProperty("os.name", ""), System.getenv(), home);
    }

    @Test
    void theGivenProfileIsTheOneUsed() throws Exception {
        Path profile = temp.resolve("automation-profile");
        app = FxToolkit.setupApplication(EnvoiApp.class, "--profile", profile.toString(), "--subject", "From automation");

        FxWait.until(() -> robot.lookup("#subjectField").tryQuery().isPresent(), "the compose window opens");
        TextField subject = robot.lookup("#subjectField").query();
        assertEquals("From automation", subject.getText(), "the other arguments are read too");
        // The body editor is built right after the window's first frame.
        FxWait.until(() -> robot.lookup("#bodyArea").tryQuery().isPresent(), "the body editor is built");
        robot.clickOn("#bodyArea").write("Hello");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);

        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            FxWait.until(() -> !store.drafts().isEmpty(), "the draft is saved in the given profile");
            assertEquals(List.of("From automation"), store.drafts().stream().map(MessageSummary::subject).toList());
        }
        assertFalse(Files.exists(defaultProfile()), "the default profile is left alone: " + defaultProfile());
    }

    @Test
    void anUnknownArgumentIsRefusedOnScreen() throws Exception {
        app = FxToolkit.setupApplication(EnvoiApp.class, "--profile", temp.resolve("p").toString(), "--bogus");

        FxWait.until(() -> robot.lookup("#startError").tryQuery().isPresent(), "an error shows");
        DialogPane error = robot.lookup("#startError").query();
        assertEquals("Envoi cannot start with these arguments", error.getHeaderText());
        assertTrue(error.getContentText().contains("unknown option --bogus"), error.getContentText());
        assertTrue(robot.lookup("#subjectField").tryQuery().isEmpty(), "no compose window opens");
        assertFalse(Files.exists(defaultProfile()), "no profile is opened");
        assertFalse(Files.exists(temp.resolve("p")), "not even the one named");
    }
}
