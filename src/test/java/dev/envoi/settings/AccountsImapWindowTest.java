package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.CredentialChain;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.setup.AccountFinder;
import dev.envoi.setup.ConfigServer;
import dev.envoi.setup.Configs;
import dev.envoi.setup.FinderSettings;
import dev.envoi.setup.LocalDns;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import dev.envoi.transport.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ScrollPane;
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
 * The accounts window's IMAP part, headless, with the real profile store: what the user types is
 * kept in the store's IMAP settings, shown again for the account, removed when the host is
 * emptied; and Continue fills it from the provider's configuration (a local HTTPS autoconfig server).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
class AccountsImapWindowTest {

    @TempDir
    static Path tempRoot;
    private SqliteMessageStore store;
    private ExecutorService background;
    private ConfigServer autoconfig;
    private LocalDns dns;
    private AccountsWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        background = Executors.newCachedThreadPool();
        TestCertificates certificates = TestCertificates.get();
        autoconfig = ConfigServer.https(certificates.serverContext());
        dns = new LocalDns();
        autoconfig.file("/example.test/mail/config-v1.1.xml", Configs.smtp("localhost", 2525, "STARTTLS"));
        FinderSettings settings = FinderSettings.fromEnvironment(Map.of("ENVOI_AUTOCONFIG_BASE", autoconfig.base(),
                "ENVOI_ISPDB_URL", autoconfig.base() + "ispdb", "ENVOI_DNS", dns.hostPort()))
                .withTls(trust(certificates))
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(6));
        CredentialChain credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        AccountsContext context = new AccountsContext(store.accounts(), credentials, (account, secret) -> List.of(),
                background, Platform::runLater, () -> { }, new AccountFinder(settings)::find, null,
                store.imapSettings());
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
        autoconfig.close();
        dns.close();
    }

    @Test
    void theImapFieldsTypedAreSavedInTheStoreShownAgainAndRemovedWhenTheHostIsEmptied(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("work");
        robot.clickOn("#addressField").write("emile@example.org");
        robot.clickOn("#hostField").write("smtp.example.org");
        robot.clickOn("#userField").write("emile");
        // The IMAP part is at the foot of the form: scrolled into sight, as a user would.
        robot.interact(() -> robot.lookup("#accountFormScroll").queryAs(ScrollPane.class).setVvalue(1.0));
        robot.clickOn("#imapHostField").write("imap.example.org");
        robot.interact(() -> imapSecurity(robot).setValue(SmtpSecurity.STARTTLS));
        assertEquals("143", field(robot, "#imapPortField").getText(), "the port follows the security");
        robot.clickOn("#imapSentFolderField").write("Envoyés");
        robot.clickOn("#saveAccountButton");

        ImapSettings expected = new ImapSettings(new ImapServer("imap.example.org", 143, SmtpSecurity.STARTTLS), true,
                "Envoyés");
        FxWait.until(() -> store.imapSettings().forAccount("work").equals(Optional.of(expected)),
                "the IMAP settings are in the store");

        // Another account in the form, then this one again: its IMAP settings come back from the store.
        robot.clickOn("#newAccountButton");
        FxWait.until(() -> field(robot, "#imapHostField").getText().isEmpty(), "a new account has no IMAP server");
        robot.interact(() -> robot.lookup("#accountList").queryAs(javafx.scene.control.ListView.class)
                .getSelectionModel().select(0));
        FxWait.until(() -> field(robot, "#imapHostField").getText().equals("imap.example.org"), "shown again");
        assertEquals("Envoyés", field(robot, "#imapSentFolderField").getText());
        assertTrue(robot.lookup("#imapKeepCopyCheck").queryAs(CheckBox.class).isSelected());

        robot.interact(() -> field(robot, "#imapHostField").setText(""));
        robot.clickOn("#saveAccountButton");
        FxWait.until(() -> store.imapSettings().forAccount("work").isEmpty(), "no IMAP server any more");
        assertEquals(1, store.accounts().accounts().size());
    }

    @Test
    void continueFillsTheImapFieldsFromTheDiscoveryAndSaveKeepsThem(FxRobot robot) throws Exception {
        robot.clickOn("#addressField").write("Émile <emile@example.test>");
        robot.clickOn("#continueButton");
        FxWait.until(() -> field(robot, "#imapHostField").getText().equals("imap.localhost"),
                "the IMAP host is filled in");
        assertEquals("993", field(robot, "#imapPortField").getText());
        assertEquals(SmtpSecurity.TLS, imapSecurity(robot).getValue());
        assertTrue(robot.lookup("#imapKeepCopyCheck").queryAs(CheckBox.class).isSelected());
        assertTrue(store.imapSettings().forAccount("example.test").isEmpty(), "nothing saved before the user says so");

        robot.clickOn("#saveAccountButton");
        FxWait.until(() -> store.imapSettings().forAccount("example.test").isPresent(), "saved with the account; "
                + robot.lookup("#accountsError").queryAs(javafx.scene.control.Label.class).getText());
        assertEquals(new ImapSettings(new ImapServer("imap.localhost", 993, SmtpSecurity.TLS), true, ""),
                store.imapSettings().forAccount("example.test").orElseThrow());
    }

    @Test
    void theImapUserNameTypedIsSavedShownAgainAndEmptiedBackToTheSmtpLogin(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("work");
        robot.clickOn("#addressField").write("emile@example.org");
        robot.clickOn("#hostField").write("smtp.example.org");
        robot.clickOn("#userField").write("emile");
        robot.interact(() -> robot.lookup("#accountFormScroll").queryAs(ScrollPane.class).setVvalue(1.0));
        assertTrue(field(robot, "#imapUserField").isDisabled(), "no IMAP server, no IMAP login");
        robot.clickOn("#imapHostField").write("imap.example.org");
        assertEquals(texts().getString("prompt.imapUser"), field(robot, "#imapUserField").getPromptText());
        robot.clickOn("#imapUserField").write("emile.archive@example.org");
        robot.clickOn("#saveAccountButton");

        FxWait.until(() -> store.imapSettings().forAccount("work").map(s -> s.server().user())
                .equals(Optional.of("emile.archive@example.org")), "the IMAP user is in the store");

        robot.clickOn("#newAccountButton");
        FxWait.until(() -> field(robot, "#imapUserField").getText().isEmpty(), "a new account has no IMAP user");
        robot.interact(() -> robot.lookup("#accountList").queryAs(javafx.scene.control.ListView.class)
                .getSelectionModel().select(0));
        FxWait.until(() -> field(robot, "#imapUserField").getText().equals("emile.archive@example.org"), "shown again");

        robot.interact(() -> field(robot, "#imapUserField").setText(""));
        robot.clickOn("#saveAccountButton");
        FxWait.until(() -> store.imapSettings().forAccount("work").map(s -> s.server().user()).equals(Optional.of("")),
                "empty again: the SMTP login");
    }

    private static java.util.ResourceBundle texts() {
        return java.util.ResourceBundle.getBundle("dev.envoi.settings.messages");
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<SmtpSecurity> imapSecurity(FxRobot robot) {
        return robot.lookup("#imapSecurityField").queryAs(ChoiceBox.class);
    }
}
