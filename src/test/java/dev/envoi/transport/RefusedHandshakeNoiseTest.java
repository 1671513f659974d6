package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.testing.QuietRefusedHandshakes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that expects a certificate to be refused keeps GreenMail's resulting stack trace to
 * itself: `mvn verify` prints none on a passing build.
 */
@Timeout(60)
@ExtendWith(QuietRefusedHandshakes.class)
class RefusedHandshakeNoiseTest {

    @Test
    void aRefusedCertificatePrintsNoStackTrace() throws Exception {
        GreenMailTls.serveTheTestCertificate();
        PrintStream console = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTPS}));
        mail.start();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Account account = new Account("tested", MailAddress.of("emile@example.org"), "localhost",
                    mail.getSmtps().getPort(), SmtpSecurity.TLS, "", AuthMethod.NONE, 0, true, false, false, "", false);
            AccountTester.Report report = new AccountTester(SmtpFaultTest.QUICK, ServerTrust.system())
                    .test(account, a -> Optional.empty());
            assertTrue(report.refusedCertificate().isPresent(), report.toString());
            mail.stop(); // its connection threads end here, inside the test
        } finally {
            System.setErr(console);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("SSLHandshakeException") || text.contains("SSLException"), text);
    }
}
