package dev.envoi.account;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.MailAddress;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final MailAddress ME = MailAddress.of("me@example.org");

    private static Account account(String name, String host, int port, SmtpSecurity security, String user,
                                   AuthMethod auth, boolean insecureConfirmed) {
        return new Account(name, ME, host, port, security, user, auth, 0, true, false, insecureConfirmed, "", false);
    }

    @Test
    void aNormalSubmissionAccountIsAccepted() {
        assertDoesNotThrow(() -> account("work", "smtp.example.org", 587, SmtpSecurity.STARTTLS, "me",
                AuthMethod.PASSWORD, false));
    }

    @Test
    void noEncryptionIsOnlyForLoopbackUnlessConfirmed() {
        assertDoesNotThrow(() -> account("local", "127.0.0.1", 25, SmtpSecurity.NONE, "", AuthMethod.NONE, false));
        assertDoesNotThrow(() -> account("local", "localhost", 25, SmtpSecurity.NONE, "", AuthMethod.NONE, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> account("isp", "smtp.example.org", 25, SmtpSecurity.NONE, "", AuthMethod.NONE, false));
        assertTrue(e.getMessage().startsWith("security:"), e.getMessage());
        assertDoesNotThrow(() -> account("isp", "smtp.example.org", 25, SmtpSecurity.NONE, "", AuthMethod.NONE, true));
    }

    @Test
    void eachBadSettingIsNamed() {
        assertMessage("account name:", () -> account("my account!", "h.example", 587, SmtpSecurity.TLS, "", AuthMethod.NONE, false));
        assertMessage("host:", () -> account("a", "bad host", 587, SmtpSecurity.TLS, "", AuthMethod.NONE, false));
        assertMessage("port:", () -> account("a", "h.example", 70000, SmtpSecurity.TLS, "", AuthMethod.NONE, false));
        assertMessage("user:", () -> account("a", "h.example", 465, SmtpSecurity.TLS, "", AuthMethod.PASSWORD, false));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
    }
}
