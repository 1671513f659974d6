package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.setup.AccountFinder;
import dev.envoi.setup.ConfigServer;
import dev.envoi.setup.Configs;
import dev.envoi.setup.FinderSettings;
import dev.envoi.setup.LocalDns;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
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
 * The accounts window's Continue, headless: the address's servers come from a local HTTPS
 * autoconfig server, fill the form, say where they came from, and are tested against a real SMTP
 * server (STARTTLS, login) before the user saves.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AccountsDiscoveryWindowTest {

    private static final String PASSWORD = "correct horse";

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ConfigServer autoconfig;
    private LocalDns dns;
    private FaultSmtpServer smtp;
    private AccountsWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        TestCertificates certificates = TestCertificates.get();
        smtp = new FaultSmtpServer().startTls(certificates.serverContext()).requireLogin("emile", PASSWORD);
        autoconfig = ConfigServer.https(certificates.serverContext());
        dns = new LocalDns();
        autoconfig.file("/example.test/mail/config-v1.1.xml", Configs.smtp("localhost", smtp.port(), "STARTTLS"));
        FinderSettings settings = FinderSettings.fromEnvironment(Map.of("ENVOI_AUTOCONFIG_BASE", autoconfig.base(),
                "ENVOI_ISPDB_URL", autoconfig.base() + "ispdb", "ENVOI_DNS", dns.hostPort()))
                .withTls(trust(certificates))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(6));
        SmtpTimeouts quick = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        ConnectionTester tester = (account, secret) -> new AccountTester(quick,
                ServerTrust.anchoredIn(certificates.authority)).test(account, secret).steps().stream()
                .map(s -> new ConnectionTester.Step(s.step().name(), s.ok(), s.detail())).toList();
        CredentialChain credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        AccountsContext context = new AccountsContext(store.accounts(), credentials, tester, background,
                Platform::runLater, () -> { }, new AccountFinder(settings)::find);
        window = new AccountsWindow(context, owner -> name -> true);
        window.show();
    }

    private static javax.net.ssl.SSLContext trust(TestCertificates certificates) throws Exception {
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificates.authority);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        smtp.close();
        autoconfig.close();
        dns.close();
    }

    @Test
    void continueFillsTheFormSaysWhereFromTestsThenTheUserSaves(FxRobot robot) throws Exception {
        robot.clickOn("#addressField").write("Émile <emile@example.test>");
        robot.clickOn("#passwordField").write(PASSWORD);
        robot.clickOn("#continueButton");
        TextField host = robot.lookup("#hostField").query();
        FxWait.until(() -> host.getText().equals("localhost"), "the host is filled in");
        assertEquals(String.valueOf(smtp.port()), robot.lookup("#portField").queryAs(TextField.class).getText());
        assertEquals(SmtpSecurity.STARTTLS, robot.lookup("#securityField").queryAs(ChoiceBox.class).getValue());
        assertEquals("emile", robot.lookup("#userField").queryAs(TextField.class).getText());
        assertEquals("example.test", robot.lookup("#nameField").queryAs(TextField.class).getText());
        Label source = robot.lookup("#discoverySource").query();
        assertTrue(source.getText().startsWith("From your provider’s configuration (" + autoconfig.base()
                + "example.test/mail/config-v1.1.xml"), source.getText());
        // The connection test runs by itself, before any save.
        TextArea report = robot.lookup("#testReport").query();
        FxWait.until(() -> report.getText().contains("LOGIN"), "the connection test reaches the login");
        assertTrue(!report.getText().contains("✘"), report.getText());
        assertTrue(store.accounts().accounts().isEmpty(), "nothing saved before the user says so");

        // The user may still change what was found, then saves.
        robot.clickOn("#nameField").eraseText("example.test".length()).write("work");
        robot.clickOn("#saveAccountButton");
        FxWait.until(() -> !store.accounts().accounts().isEmpty(), "the account is saved");
        Account saved = store.accounts().accounts().get(0);
        assertEquals("work", saved.name());
        assertEquals("localhost", saved.host());
        assertEquals(smtp.port(), saved.port());
        assertEquals(AuthMethod.PASSWORD, saved.auth());
    }

    @Test
    void nothingFoundLeavesTheFormAndSaysSo(FxRobot robot) throws Exception {
        robot.clickOn("#addressField").write("emile@nowhere.test");
        robot.clickOn("#hostField").write("smtp.typed.test");
        robot.clickOn("#continueButton");
        Label source = robot.lookup("#discoverySource").query();
        FxWait.until(() -> source.getText().startsWith("No settings safe to use"), "it says nothing was found");
        assertEquals("smtp.typed.test", robot.lookup("#hostField").queryAs(TextField.class).getText());
        Button save = robot.lookup("#saveAccountButton").query();
        assertTrue(!save.isDisabled());
    }
}
