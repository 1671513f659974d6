package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.OAuthSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
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
 * What the Accounts form shows for the account in it, headless, on a real profile store: no
 * password for an OAuth 2.0 account (it signs in), Continue only while a new account is set up,
 * and the sign-in pane's fields in line with the form's, in French too (its labels are longer).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AccountsFormShapeTest {

    @TempDir
    Path profile;
    private final Locale before = Locale.getDefault();
    private SqliteMessageStore store;
    private ExecutorService background;
    private AccountsWindow window;

    @Start
    void start(Stage unused) {
    }

    @AfterEach
    void tearDown() throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(10, TimeUnit.SECONDS);
        }
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        Locale.setDefault(before);
    }

    @Test
    void anOAuthAccountShowsNoPasswordField(FxRobot robot) throws Exception {
        open(robot, Locale.ENGLISH);
        select(robot, "Outlook");
        FxWait.until(() -> showing(robot.lookup("#signInStatus").query()), "the sign-in pane shows");
        assertFalse(showing(robot.lookup("#passwordField").query()), "an OAuth 2.0 account has no password to type");
        assertFalse(showing(robot.lookup("#passwordLabel").query()));

        select(robot, "Home");
        FxWait.until(() -> showing(robot.lookup("#passwordField").query()), "a password account shows its password");
        assertTrue(showing(robot.lookup("#passwordLabel").query()));
        robot.interact(() -> robot.lookup("#authField").queryAs(ChoiceBox.class).setValue(AuthMethod.OAUTH2));
        FxWait.until(() -> !showing(robot.lookup("#passwordField").query()), "hidden as soon as OAuth 2.0 is chosen");
    }

    @Test
    void continueIsOfferedOnlyForANewAccount(FxRobot robot) throws Exception {
        open(robot, Locale.ENGLISH);
        select(robot, "Home");
        FxWait.until(() -> "Home".equals(window.model().form().nameProperty().get()), "Home is shown");
        assertFalse(showing(robot.lookup("#continueButton").query()), "an existing account is set up already");
        robot.clickOn("#newAccountButton");
        FxWait.until(() -> showing(robot.lookup("#continueButton").query()), "a new account is set up with Continue");
    }

    @Test
    void theFrenchSignInFieldsAreInLineWithTheForm(FxRobot robot) throws Exception {
        open(robot, Locale.FRENCH);
        select(robot, "Outlook");
        FxWait.until(() -> showing(robot.lookup("#oauthProviderField").query()), "the sign-in pane shows");
        double[] lefts = WaitForAsyncUtils.asyncFx(() -> {
            window.stage().getScene().getRoot().applyCss();
            window.stage().getScene().getRoot().layout();
            return new double[] {left(robot.lookup("#nameField").query()), left(robot.lookup("#oauthProviderField").query()),
                    left(robot.lookup("#oauthClientIdField").query())};
        }).get(10, TimeUnit.SECONDS);
        assertEquals(lefts[0], lefts[1], 0.5, "the provider field starts where the form's fields do");
        assertEquals(lefts[0], lefts[2], 0.5, "the client id field starts where the form's fields do");
    }

    private void open(FxRobot robot, Locale locale) throws Exception {
        Locale.setDefault(locale);
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        store.accounts().put(new Account("Outlook", new MailAddress("", "jane@outlook.example"), "smtp.office365.com",
                587, SmtpSecurity.STARTTLS, "jane@outlook.example", AuthMethod.OAUTH2, 0, true, false, false, "", true));
        store.oauthSettings().put(new OAuthSettings("Outlook", "microsoft", "", "demo", ""));
        store.accounts().put(new Account("Home", new MailAddress("", "jane@home.example"), "smtp.home.example",
                587, SmtpSecurity.STARTTLS, "jane", AuthMethod.PASSWORD, 0, true, false, false, "", false));
        window = WaitForAsyncUtils.asyncFx(() -> {
            AccountsContext context = new AccountsContext(store.accounts(),
                    CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")), (a, s) -> List.of(), background,
                    Platform::runLater, () -> { }, new SignInContext(store.oauthSettings(), (a, s, k, p) -> {
                        throw new AssertionError("no sign-in here");
                    }));
            AccountsWindow made = new AccountsWindow(context, owner -> name -> false);
            made.show();
            return made;
        }).get(20, TimeUnit.SECONDS);
        FxWait.until(() -> window.model().accounts().size() == 2, "the accounts are listed");
    }

    @SuppressWarnings("unchecked")
    private void select(FxRobot robot, String name) throws Exception {
        ListView<Account> list = robot.lookup("#accountList").queryAs(ListView.class);
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(a -> a.name().equals(name)).findFirst().orElseThrow()));
        FxWait.until(() -> name.equals(window.model().form().nameProperty().get()), name + " is in the form");
    }

    private static double left(Node node) {
        return node.localToScene(node.getLayoutBounds()).getMinX();
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
