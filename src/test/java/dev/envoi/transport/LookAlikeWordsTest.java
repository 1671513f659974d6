package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14, item 6: text that looks like an RFC 2047 encoded word, in a subject, a display name or
 * a file name, reaches a real server (GreenMail) so that the recipient's parser (Jakarta Mail,
 * decoding file names too) yields exactly what the sender typed.
 */
@Timeout(60)
class LookAlikeWordsTest {

    private GreenMail mail;
    private final TestMessages messages = new TestMessages();

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        mail.start();
    }

    @AfterEach
    void tearDown() {
        mail.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "=?UTF-8?B?ZXZpbC5leGU=?=",                 // decodes to "evil.exe"
        "invoice =?UTF-8?Q?evil=2Eexe?= .txt",
        "Réunion =?ISO-8859-1?Q?Boss?=",             // non-ASCII beside it: a UTF-8 header otherwise
        "=?utf-8?b?QWxpY2U=?= <alice@example.org>",
    })
    void theRecipientReadsExactlyWhatTheSenderTyped(String text) throws Exception {
        Account account = new Account("gm", MailAddress.of("emile@example.org"), "127.0.0.1",
                mail.getSmtp().getPort(), SmtpSecurity.NONE, "", AuthMethod.NONE, 0, true, false, false, "", false);
        Attachment file = messages.attachment(text.replace("<", "").replace(">", "") + ".txt", "text/plain",
                "x".getBytes());
        DraftContent content = new DraftContent(new MailAddress(text, "emile@example.org"),
                List.of(new Recipient(RecipientType.TO, new MailAddress(text, "jane@example.org"))), text, "body",
                List.of(file));
        try (SmtpTransport transport = new SmtpTransport(account, a -> Optional.empty(), SmtpFaultTest.QUICK,
                ServerTrust.system())) {
            transport.transfer(messages.outgoing(content), new RecordingGate());
        }
        mail.waitForIncomingEmail(10_000, 1);

        MimeMessage received = asRecipientReadsIt(mail.getReceivedMessages()[0]);
        assertEquals(text, received.getSubject());
        assertEquals(text, ((InternetAddress) received.getFrom()[0]).getPersonal());
        assertEquals(text, ((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        String name = ((Multipart) received.getContent()).getBodyPart(1).getFileName();
        // Jakarta reads mail.mime.decodefilename from the system properties only: decoded here as
        // such a reader (and Thunderbird, Outlook) does.
        assertEquals(file.fileName(), MimeUtility.decodeText(name));
    }

    /** The bytes the server stored, parsed by a reader that decodes encoded words in file names too. */
    private static MimeMessage asRecipientReadsIt(MimeMessage stored) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stored.writeTo(bytes);
        Properties reader = new Properties();
        reader.setProperty("mail.mime.decodefilename", "true");
        reader.setProperty("mail.mime.decodeparameters", "true");
        return new MimeMessage(Session.getInstance(reader), new ByteArrayInputStream(bytes.toByteArray()));
    }
}
