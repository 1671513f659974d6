package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envoi.account.SmtpSecurity;
import dev.envoi.ui.Texts;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The SMTP and the IMAP fields hold a server one way: the same port rules, the same refusals. */
class ServerFormTest {

    private final Texts texts = Texts.of(AccountForm.class, Locale.ENGLISH);

    @Test
    void aNegativePortIsRefusedTheSameWayForSmtpAndImap() {
        AccountForm smtp = new AccountForm();
        smtp.portProperty().set("-25");
        AccountForm.Invalid smtpRefusal = assertThrows(AccountForm.Invalid.class, () -> smtp.portNumber("SMTP port", texts));
        assertEquals("SMTP port: “-25” is not a whole number", smtpRefusal.getMessage());

        ImapForm imap = new ImapForm();
        imap.hostProperty().set("imap.example.org");
        imap.portProperty().set("-993");
        AccountForm.Invalid imapRefusal = assertThrows(AccountForm.Invalid.class, () -> imap.toSettings(texts));
        assertEquals("IMAP port: “-993” is not a whole number", imapRefusal.getMessage());
    }

    @Test
    void eachProtocolsPortFollowsItsSecurityUntilTheUserTypesOne() {
        AccountForm smtp = new AccountForm();
        ImapForm imap = new ImapForm();
        smtp.securityProperty().set(SmtpSecurity.TLS);
        imap.securityProperty().set(SmtpSecurity.STARTTLS);
        assertEquals("465", smtp.portProperty().get());
        assertEquals("143", imap.portProperty().get());
        imap.portProperty().set("1143");
        imap.securityProperty().set(SmtpSecurity.TLS);
        assertEquals("1143", imap.portProperty().get(), "a port the user typed stays");
    }

    @Test
    void showingAServerSetsThePortGivenWhateverTheSecurityWas() {
        ImapForm imap = new ImapForm();
        imap.showServer("imap.example.org", SmtpSecurity.STARTTLS, 1143);
        assertEquals("imap.example.org", imap.hostProperty().get());
        assertEquals("1143", imap.portProperty().get());
        assertEquals(SmtpSecurity.STARTTLS, imap.securityProperty().get());
    }
}
