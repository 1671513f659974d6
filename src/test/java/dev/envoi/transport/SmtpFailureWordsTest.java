package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import jakarta.mail.MessagingException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The sentences Envoi writes itself about a failed connection, in English and in French. */
class SmtpFailureWordsTest {

    private static final Account ACCOUNT = new Account("work", MailAddress.of("emile@example.org"), "smtp.exemple.fr",
            587, SmtpSecurity.STARTTLS, "emile", AuthMethod.PASSWORD, 0, true, false, false, "", false);

    private static TransferException unknownHost() {
        MessagingException e = new MessagingException("Unknown SMTP host: smtp.exemple.fr",
                new UnknownHostException("smtp.exemple.fr"));
        return SmtpFailures.connecting(e, -1, null, null, ACCOUNT, SmtpTimeouts.standard());
    }

    @Test
    void anUnknownHostIsRetriedAndSaidInTheLanguageOfTheMoment() {
        TransferException english = unknownHost();
        assertInstanceOf(TransientFailureException.class, english);
        assertEquals("The host name smtp.exemple.fr cannot be found (no network, or a typing mistake). The message "
                + "stays in the outbox and will be tried again.", english.getMessage());
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            assertEquals("Le nom d’hôte smtp.exemple.fr est introuvable (pas de réseau, ou une faute de frappe). Le "
                    + "message reste dans la boîte d’envoi et sera réessayé.", unknownHost().getMessage());
        } finally {
            Locale.setDefault(before);
        }
    }
}
