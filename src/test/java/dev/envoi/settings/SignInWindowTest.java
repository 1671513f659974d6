package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.OAuthSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.oauth.AccountSignIn;
import dev.envoi.oauth.AuthorizationServer;
import dev.envoi.oauth.TestBrowser;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

/** The accounts window, headless: an OAuth account not signed in says so, and Sign in signs it in. */
@ExtendWith(ApplicationExtension.class)
@Timeout(60)
class SignInWindowTest {

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private CredentialChain credentials;
    private AuthorizationServer server;
    private ExecutorService background;
    private AccountsWindow window;
    private Account work;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        server = new AuthorizationServer(300);
        work = new Account("work", new MailAddress("Émile", "emile@example.org"), "127.0.0.1", 2525, SmtpSecurity.NONE,
                "emile@example.org", AuthMethod.OAUTH2, 0, true, false, false, "", true);
        store.accounts().put(work);
        store.oauthSettings().put(new OAuthSettings("work", "custom", server.issuer(), "envoi-test-client",
                AuthorizationServer.SCOPES));
        credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        background = Executors.newCachedThreadPool();
        TestBrowser browser = new TestBrowser();
        SignInService service = (account, settings, keepIn, shown) -> new AccountSignIn(Clock.systemUTC(), Duration.ofSeconds(30))
                .signIn(account, settings, credentials.storeFor(keepIn), page -> {
                    try {
                        browser.visit(page);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        AccountsContext context = new AccountsContext(store.accounts(), credentials, (a, s) -> List.of(), background,
                Platform::runLater, () -> { }, new SignInContext(store.oauthSettings(), service));
        window = new AccountsWindow(context, owner -> name -> true);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        store.close();
    }

    @Test
    void anAccountNotSignedInSaysSoAndSignInSignsItIn(FxRobot robot) throws Exception {
        Label status = robot.lookup("#signInStatus").queryAs(Label.class);
        FxWait.until(() -> status.getText().contains("is not signed in"), "the window says the account needs a sign-in");
        robot.interact(() -> window.model().form().passwordStoreProperty().set(dev.envoi.account.CredentialChoice.FILE));
        Button signIn = robot.lookup("#signInButton").queryAs(Button.class);
        assertTrue(signIn.isVisible());

        robot.clickOn(signIn);

        FxWait.until(() -> status.getText().contains("is signed in"), "signed in from the window");
        assertTrue(credentials.secretFor(work).isPresent(), "the refresh token is kept");
    }
}
