package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.settings.AccountsContext;
import dev.envoi.settings.AccountsWindow;
import dev.envoi.settings.FxAccountsDialogs;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.FxWait;
import dev.envoi.testing.QuietRefusedHandshakes;
import dev.envoi.transport.CertificateFingerprint;
import dev.envoi.transport.GreenMailTls;
import dev.envoi.transport.SmtpTimeouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
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
 * Trusting a certificate without the terminal: the accounts window, the real SMTP tester and the
 * system's authorities, against GreenMail's implicit-TLS SMTP with a certificate no authority it trusts signed.
 */
// GreenMail's thread ends in an exception when its certificate is refused, which is the point here.
@ExtendWith(ApplicationExtension.class)
@ExtendWith(QuietRefusedHandshakes.class)
@Timeout(90)
class TrustCertificateWindowTest {

    @TempDir
    static Path tempRoot;
    private final Locale before = Locale.getDefault();
    private GreenMail mail;
    private SqliteMessageStore store;
    private ExecutorService background;
    private AccountsWindow window;

    @Start
    void start(Stage unused) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        GreenMailTls.serveTheTestCertificate(); // signed by the tests' own authority, which this computer does not trust
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTPS}));
        mail.start();
        Path profile = Files.createTempDirectory(tempRoot, "profile");
        store = SqliteMessageStore.open(profile);
        store.accounts().put(new Account("work", MailAddress.of("emile@example.org"), "localhost",
                mail.getSmtps().getPort(), SmtpSecurity.TLS, "", AuthMethod.NONE, 0, true, false, false, "", true));
        background = Executors.newCachedThreadPool();
        Duration quick = Duration.ofSeconds(10);
        AccountsContext context = new AccountsContext(store.accounts(),
                CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")),
                new SmtpConnectionTester(new SmtpTimeouts(quick, quick, quick, quick)), background, Platform::runLater,
                () -> { });
        window = new AccountsWindow(context, FxAccountsDialogs::new);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.stage().close()).get(5, TimeUnit.SECONDS);
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
        mail.stop();
        Locale.setDefault(before);
    }

    @Test
    void theRefusedCertificateIsShownTrustedOnceAndForgotten(FxRobot robot) throws Exception {
        String fingerprint = CertificateFingerprint.sha256(serverCertificate());
        FxWait.until(() -> window.model().selectedProperty().get() != null, "the account is shown");
        TextArea details = robot.lookup("#certificateDetails").queryAs(TextArea.class);
        assertFalse(visible(details), "no certificate is offered before a test");

        robot.clickOn("#testConnectionButton");
        FxWait.until(() -> visible(details), "the refused certificate is shown");
        TextArea report = robot.lookup("#testReport").queryAs(TextArea.class);
        assertFalse(report.getText().contains("envoi account pin"), "no terminal needed: " + report.getText());
        assertTrue(report.getText().contains("Trust this certificate"), report.getText());
        assertTrue(details.isWrapText() && !details.isEditable(), "wrapped, selectable, read-only");
        for (String line : new String[] {"Issued to: ", "Issued by: ", "Valid from ", "SHA-256 fingerprint: " + fingerprint}) {
            assertTrue(details.getText().contains(line), line + " in " + details.getText());
        }

        robot.clickOn("#trustCertificateButton");
        DialogPane question = dialog(robot);
        assertEquals("Trust this certificate for work?", question.getHeaderText());
        assertTrue(question.getContentText().contains("localhost exactly the certificate with the SHA-256 "
                + "fingerprint " + fingerprint), question.getContentText());
        robot.clickOn(dialogButton(robot, "Trust it"));
        FxWait.until(() -> fingerprint.equals(storedPin()), "exactly this certificate is pinned and saved");
        Label pinned = robot.lookup("#pinnedCertificateLabel").queryAs(Label.class);
        FxWait.until(() -> visible(pinned) && pinned.getText().contains(fingerprint), "the pin shows in the settings");
        assertFalse(visible(details), "nothing is offered any more");

        robot.clickOn("#testConnectionButton");
        Label status = robot.lookup("#accountsStatus").queryAs(Label.class);
        FxWait.until(() -> status.getText().startsWith("Connection test passed") && status.getText().contains("TLS"),
                "the pinned certificate is accepted: " + report.getText());

        robot.clickOn("#forgetCertificateButton");
        FxWait.until(() -> storedPin().isEmpty() && !visible(pinned), "the pin is forgotten");
        robot.clickOn("#testConnectionButton");
        FxWait.until(() -> visible(details), "refused again, and offered again");
    }

    @Test
    void cancellingTheQuestionTrustsNothing(FxRobot robot) throws Exception {
        FxWait.until(() -> window.model().selectedProperty().get() != null, "the account is shown");
        robot.clickOn("#testConnectionButton");
        FxWait.until(() -> robot.lookup("#trustCertificateButton").tryQuery().filter(this::visible).isPresent(),
                "Trust is offered");
        robot.clickOn("#trustCertificateButton");
        dialog(robot);
        robot.clickOn(dialogButton(robot, "Cancel"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", storedPin());
        assertTrue(visible(robot.lookup("#certificateDetails").query()), "still offered");
    }

    private String storedPin() {
        return store.accounts().find("work").map(Account::pinnedCertificate).orElse("?");
    }

    private boolean visible(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static DialogPane dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private static Button dialogButton(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findButton(robot, text).isPresent());
        return findButton(robot, text).orElseThrow();
    }

    private static Optional<Button> findButton(FxRobot robot, String text) {
        return robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.getScene() != null && b.isVisible()).findFirst();
    }

    /** What the server really presents, read with no checks at all (only to know its fingerprint). */
    private X509Certificate serverCertificate() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost",
                mail.getSmtps().getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
