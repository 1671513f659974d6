package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.settings.AccountsContext;
import dev.envoi.settings.AccountsWindow;
import dev.envoi.settings.FxAccountsDialogs;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import dev.envoi.transport.ImapFront;
import dev.envoi.transport.SmtpTimeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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
 * Issue 19: the accounts window's "Test connection" tries the account's IMAP server too, with the
 * app's real tester, against GreenMail's SMTP and IMAP (and an {@link ImapFront} that refuses the
 * IMAP login while SMTP takes it): each step says truthfully how it went.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AccountsImapTestConnectionWindowTest {

    private static final String PASSWORD = "s3cret-emile";

    @TempDir
    static Path tempRoot;
    private final Locale before = Locale.getDefault();
    private GreenMail mail;
    private ImapFront refusing;
    private SqliteMessageStore store;
    private ExecutorService background;
    private AccountsWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        mail.start();
        mail.setUser("emile@example.org", "emile", PASSWORD);
        refusing = new ImapFront(mail.getImap().getPort()).refuseLogin();
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        account("works", mail.getImap().getPort(), true);
        account("refused", refusing.port(), false);
        background = Executors.newCachedThreadPool();
        Duration quick = Duration.ofSeconds(10);
        AccountsContext context = new AccountsContext(store.accounts(),
                CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")),
                new ServersConnectionTester(new SmtpTimeouts(quick, quick, quick, quick), null), background,
                Platform::runLater, () -> { }, address -> new dev.envoi.setup.Finding(java.util.Optional.empty(),
                        java.util.List.of()), null, store.imapSettings());
        window = new AccountsWindow(context, FxAccountsDialogs::new);
        window.show();
    }

    private void account(String name, int imapPort, boolean isDefault) {
        store.accounts().put(new Account(name, MailAddress.of("emile@example.org"), "127.0.0.1",
                mail.getSmtp().getPort(), SmtpSecurity.NONE, "emile", AuthMethod.PASSWORD, 0, true, false, false, "",
                isDefault));
        store.imapSettings().put(name, new ImapSettings(new ImapServer("127.0.0.1", imapPort, SmtpSecurity.NONE),
                true, ""));
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        refusing.close();
        mail.stop();
        Locale.setDefault(before);
    }

    @Test
    void bothServersAreTriedAndEachStepSaysHowItWent(FxRobot robot) throws Exception {
        String report = test(robot, "works");
        for (String line : new String[] {"✔ Connect", "– TLS", "✔ Login", "✔ IMAP connect", "– IMAP TLS",
                "✔ IMAP login"}) {
            assertTrue(report.contains("\n" + line) || report.startsWith(line), line + " in " + report);
        }
        Label status = robot.lookup("#accountsStatus").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Connection test passed") && status.getText().contains("IMAP login"),
                status.getText());
    }

    @Test
    void anImapLoginRefusedWhileSmtpTakesItIsShownAsTheOneFailure(FxRobot robot) throws Exception {
        String report = test(robot, "refused");
        assertTrue(report.contains("✔ Login"), "SMTP took the login: " + report);
        assertTrue(report.contains("✔ IMAP connect"), report);
        assertTrue(report.contains("✘ IMAP login: "), "the IMAP login is the failed step: " + report);
        assertFalse(report.contains("✘ Login") || report.contains("✘ Connect"), report);
        Label status = robot.lookup("#accountsStatus").queryAs(Label.class);
        assertFalse(status.getText().startsWith("Connection test passed"), status.getText());
    }

    @Test
    void theImapUserNameTypedIsTheLoginTheTestTries(FxRobot robot) throws Exception {
        // A mailbox with its own IMAP login and the account's one secret; typed, not saved.
        mail.setUser("archive@example.org", "emile-imap", PASSWORD);

        String report = test(robot, "works", () -> robot.lookup("#imapUserField").queryAs(TextField.class)
                .setText("emile-imap"));

        assertTrue(report.contains("✔ Login: logged in as emile"), report);
        assertTrue(report.contains("✔ IMAP login: logged in to IMAP as emile-imap"), report);
    }

    private String test(FxRobot robot, String name) throws Exception {
        return test(robot, name, () -> { });
    }

    /** Selects the account, types the password and whatever {@code typing} types, then tests. */
    private String test(FxRobot robot, String name, Runnable typing) throws Exception {
        FxWait.until(() -> window.model().accounts().size() == 2, "the accounts are shown");
        robot.interact(() -> window.model().selectedProperty().set(window.model().accounts().stream()
                .filter(a -> a.name().equals(name)).findFirst().orElseThrow()));
        FxWait.until(() -> name.equals(window.model().form().nameProperty().get()), name + " is in the form");
        robot.interact(() -> robot.lookup("#passwordField").queryAs(PasswordField.class).setText(PASSWORD));
        robot.interact(typing);
        robot.clickOn("#testConnectionButton");
        TextArea report = robot.lookup("#testReport").queryAs(TextArea.class);
        // The report replaces "Testing…" in the same step that ends the work.
        FxWait.until(() -> !window.model().busyProperty().get() && report.getText().contains("✔ Connect"),
                "the test is done");
        return report.getText();
    }
}
