package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.CredentialChain;
import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The accounts window's "New messages" part, headless, with the real profile store: the signature
 * and the plain-text default typed are kept with the account, shown again, and cleared.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AccountsSignatureWindowTest {

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private AccountsWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        CredentialChain credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        AccountsContext context = new AccountsContext(store.accounts(), credentials, (account, secret) -> List.of(),
                background, Platform::runLater, () -> { }, address -> null, null, store.imapSettings(),
                store.writingSettings());
        window = new AccountsWindow(context, owner -> name -> true);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private static TextArea signature(FxRobot robot) {
        return robot.lookup("#signatureArea").queryAs(TextArea.class);
    }

    private static CheckBox plainOnly(FxRobot robot) {
        return robot.lookup("#plainTextOnlyCheck").queryAs(CheckBox.class);
    }

    @Test
    void theSignatureAndPlainTextDefaultAreSavedWithTheAccountShownAgainAndCleared(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("work");
        robot.clickOn("#addressField").write("emile@example.org");
        robot.clickOn("#hostField").write("smtp.example.org");
        robot.clickOn("#userField").write("emile");
        robot.interact(() -> robot.lookup("#accountFormScroll").queryAs(ScrollPane.class).setVvalue(1.0));
        robot.clickOn("#signatureArea").write("Émile Envoi\nWork Ltd");
        robot.clickOn("#plainTextOnlyCheck");
        robot.clickOn("#saveAccountButton");

        WritingSettings expected = new WritingSettings(Signature.plain("Émile Envoi\nWork Ltd"), true);
        FxWait.until(() -> store.writingSettings().forAccount("work").equals(expected), "kept with the account");

        robot.clickOn("#newAccountButton");
        FxWait.until(() -> signature(robot).getText().isEmpty() && !plainOnly(robot).isSelected(),
                "a new account starts with none");
        robot.interact(() -> robot.lookup("#accountList").queryAs(ListView.class).getSelectionModel().select(0));
        FxWait.until(() -> signature(robot).getText().equals("Émile Envoi\nWork Ltd"), "shown again");
        assertTrue(plainOnly(robot).isSelected());

        robot.interact(() -> {
            signature(robot).setText("");
            plainOnly(robot).setSelected(false);
        });
        robot.clickOn("#saveAccountButton");
        FxWait.until(() -> store.writingSettings().forAccount("work").equals(WritingSettings.DEFAULT), "cleared");
        assertFalse(store.writingSettings().remove("work"), "nothing left behind for the defaults");
        assertEquals(1, store.accounts().accounts().size());
    }
}
