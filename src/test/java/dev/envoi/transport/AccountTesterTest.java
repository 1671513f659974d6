package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.transport.AccountTester.Report;
import dev.envoi.transport.AccountTester.Step;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** "Test connection" says exactly which step failed, and never sends a message. */
@Timeout(30)
class AccountTesterTest {

    private FaultSmtpServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private Account account(SmtpSecurity security, AuthMethod auth, int port) {
        return new Account("tested", MailAddress.of("emile@example.org"), "localhost", port, security,
                auth == AuthMethod.NONE ? "" : "emile", auth, 0, true, false, false, "", false);
    }

    private Report test(Account account, String password, ServerTrust trust) {
        return new AccountTester(SmtpFaultTest.QUICK, trust).test(account,
                a -> password == null ? Optional.empty() : Optional.of(password.toCharArray()));
    }

    @Test
    void allThreeStepsPassOverStartTls() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        server.startTls(certificates.serverContext()).requireLogin("emile", "pw");
        Report report = test(account(SmtpSecurity.STARTTLS, AuthMethod.PASSWORD, server.port()), "pw",
                ServerTrust.anchoredIn(certificates.authority));
        assertTrue(report.ok(), report.toString());
        assertEquals(3, report.steps().size());
        assertTrue(report.steps().get(1).detail().startsWith("TLSv1."), report.toString());
        assertTrue(report.steps().get(1).detail().contains("CN=localhost"), report.toString());
        assertFalse(server.saw("MAIL"), "a test sends no message");
    }

    @Test
    void aClosedPortFailsAtConnect() throws Exception {
        Report report;
        try (RefusingPort closed = new RefusingPort()) {
            report = test(account(SmtpSecurity.TLS, AuthMethod.NONE, closed.port()), null, ServerTrust.system());
        }
        assertEquals(Step.CONNECT, report.failure().orElseThrow().step());
        assertTrue(report.failure().get().detail().contains("refused the connection"), report.toString());
        assertEquals(1, report.steps().size(), "later steps are not run");
    }

    @Test
    void anUntrustedCertificateFailsAtTlsWithItsFingerprint() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        server.startTls(certificates.serverContext());
        Report report = test(account(SmtpSecurity.STARTTLS, AuthMethod.NONE, server.port()), null, ServerTrust.system());
        assertEquals(Step.TLS, report.failure().orElseThrow().step());
        assertTrue(report.failure().get().detail().contains(certificates.serverFingerprint()), report.toString());
        assertTrue(report.failure().get().detail().contains("envoi account pin tested"), report.toString());
    }

    @Test
    void aMissingStartTlsFailsAtTls() {
        Report report = test(account(SmtpSecurity.STARTTLS, AuthMethod.NONE, server.port()), null, ServerTrust.system());
        assertEquals(Step.TLS, report.failure().orElseThrow().step());
        assertEquals("localhost:" + server.port() + " does not offer STARTTLS, which the account requires so that "
                + "nothing travels unencrypted. Check the port and security settings of account tested.",
                report.failure().get().detail(), "the problem alone, without what would become of a queued message");
    }

    @Test
    void theStepsAreToldInFrench() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        server.startTls(certificates.serverContext());
        String subject = certificates.server.getSubjectX500Principal().getName();
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            Report report = test(account(SmtpSecurity.STARTTLS, AuthMethod.NONE, server.port()), null,
                    ServerTrust.system());
            assertTrue(report.steps().get(0).detail().startsWith("localhost:" + server.port() + " atteint ("),
                    report.toString());
            assertEquals("le certificat de localhost n’est pas vérifié (il n’est signé par aucune autorité reconnue "
                    + "par cet ordinateur). Il est délivré à " + subject + ", empreinte SHA-256 "
                    + certificates.serverFingerprint() + ". Si vous savez que c’est bien le certificat de votre "
                    + "serveur, vous pouvez faire confiance à celui-ci seulement pour ce compte (envoi account pin "
                    + "tested " + certificates.serverFingerprint() + ").", report.failure().orElseThrow().detail());
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aWrongPasswordFailsAtLoginWithTheServersWords() {
        server.requireLogin("emile", "right");
        Report report = test(account(SmtpSecurity.NONE, AuthMethod.PASSWORD, server.port()), "wrong",
                ServerTrust.system());
        assertEquals(Step.LOGIN, report.failure().orElseThrow().step());
        assertTrue(report.failure().get().detail().contains("535 5.7.8"), report.toString());
        assertFalse(report.toString().contains("wrong"), "the password is not in the report");
    }
}
