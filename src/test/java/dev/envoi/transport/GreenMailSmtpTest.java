package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.testing.QuietRefusedHandshakes;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Delivery to a real mail server (GreenMail), checked by reading the mailbox back over IMAP. */
@Timeout(60)
@ExtendWith(QuietRefusedHandshakes.class) // certificates refused on purpose make GreenMail's thread fail
class GreenMailSmtpTest {

    private static final String PASSWORD = "s3cret-émile";
    private static final SecretLookup SECRET = a -> Optional.of(PASSWORD.toCharArray());

    @TempDir
    Path profile;
    private GreenMail mail;
    private SpoolHarness harness;

    @BeforeAll
    static void serveTheTestCertificate() throws Exception {
        GreenMailTls.serveTheTestCertificate();
    }

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS,
                ServerSetupTest.IMAP}));
        mail.start();
        mail.setUser("emile@example.org", "emile", PASSWORD);
        mail.setUser("jane@example.org", "jane", "jane-pw");
        mail.setUser("hidden@example.org", "hidden", "hidden-pw");
        harness = new SpoolHarness(profile);
    }

    @AfterEach
    void tearDown() {
        harness.close();
        mail.stop();
    }

    private Account account(String host, int port, SmtpSecurity security, String pinned) {
        return new Account("greenmail", new MailAddress("Émile Envoi", "emile@example.org"), host, port, security,
                "emile", AuthMethod.PASSWORD, 0, true, false, false, pinned, false);
    }

    private SmtpTransport plainTransport() {
        return new SmtpTransport(account("localhost", mail.getSmtp().getPort(), SmtpSecurity.NONE, ""), SECRET,
                SmtpFaultTest.QUICK, ServerTrust.system());
    }

    @Test
    void textUtf8AndAttachmentsArriveIntact() throws Exception {
        harness.start(plainTransport());
        byte[] photo = new byte[300_000];
        new Random(7).nextBytes(photo);
        Attachment attachment = harness.store.importAttachment("Relevé – été.jpg", new ByteArrayInputStream(photo));
        String body = "Bonjour Jane,\n\nvoici le relevé — 予定 🗓.\n.\n..une ligne qui commence par des points\n";
        DraftContent content = new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"),
                List.of(new Recipient(dev.envoi.message.RecipientType.TO, new MailAddress("Doe, Jane", "jane@example.org")),
                        Recipient.bcc("hidden@example.org")),
                "Réunion – 予定 🗓", body, List.of(attachment));
        EntryId id = harness.submit(content);

        MessageFate fate = harness.awaitOutcome(id);
        assertEquals(Folder.SENT, fate.folder(), fate.toString());
        assertTrue(harness.store.sent().get(0).returnReason() == null
                || !harness.store.sent().get(0).returnReason().contains(PASSWORD));

        MimeMessage received = readInbox("jane", "jane-pw");
        assertEquals("Réunion – 予定 🗓", received.getSubject());
        assertEquals(new InternetAddress("emile@example.org", "Émile Envoi", "UTF-8"), received.getFrom()[0]);
        assertEquals("Doe, Jane", ((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getPersonal());
        assertNull(received.getHeader("Bcc"), "no Bcc header");
        Multipart parts = (Multipart) received.getContent();
        assertEquals(body, ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"));
        Part file = parts.getBodyPart(1);
        assertEquals("Relevé – été.jpg", file.getFileName());
        try (InputStream in = file.getInputStream()) {
            assertArrayEquals(photo, in.readAllBytes());
        }
        MimeMessage hiddenCopy = readInbox("hidden", "hidden-pw");
        assertEquals(received.getMessageID(), hiddenCopy.getMessageID(), "the Bcc recipient got the same message");
    }

    @Test
    void implicitTlsWithAVerifiedCertificateDelivers() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        TestMessages messages = new TestMessages();
        byte[] file = new byte[200_000];
        new Random(11).nextBytes(file);
        Attachment attachment = messages.attachment("secret.bin", "application/octet-stream", file);
        try (SmtpTransport transport = new SmtpTransport(account("localhost", mail.getSmtps().getPort(), SmtpSecurity.TLS,
                ""), SECRET, SmtpFaultTest.QUICK, ServerTrust.anchoredIn(certificates.authority))) {
            transport.transfer(messages.outgoing(TestMessages.content("over TLS", "chiffré", List.of(attachment))),
                    new RecordingGate());
        }
        MimeMessage received = readInbox("jane", "jane-pw");
        assertEquals("over TLS", received.getSubject());
        try (InputStream in = ((Multipart) received.getContent()).getBodyPart(1).getInputStream()) {
            assertArrayEquals(file, in.readAllBytes(), "the attachment went through the TLS layer, whole");
        }
    }

    @Test
    void implicitTlsToTheWrongHostNameIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        SmtpTransport transport = new SmtpTransport(account("127.0.0.1", mail.getSmtps().getPort(), SmtpSecurity.TLS, ""),
                SECRET, SmtpFaultTest.QUICK, ServerTrust.anchoredIn(certificates.authority));
        PermanentFailureException refused = assertThrows(PermanentFailureException.class, () -> transport.transfer(
                new TestMessages().outgoing(TestMessages.content("x", "y", List.of())), new RecordingGate()));
        assertTrue(refused.getMessage().contains("not issued for this host name"), refused.getMessage());
        assertTrue(refused.getMessage().contains(certificates.serverFingerprint()), refused.getMessage());
        assertEquals(0, mail.getReceivedMessages().length);
    }

    @Test
    void implicitTlsWithAPinnedCertificateDelivers() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        harness.start(new SmtpTransport(account("localhost", mail.getSmtps().getPort(), SmtpSecurity.TLS,
                certificates.serverFingerprint()), SECRET, SmtpFaultTest.QUICK, ServerTrust.system()));
        MessageFate fate = harness.awaitOutcome(harness.submit(dev.envoi.store.Drafts.simple("pinned")));
        assertEquals(Folder.SENT, fate.folder(), fate.toString());
        assertEquals("pinned", readInbox("jane", "jane-pw").getSubject());
    }

    @Test
    void aWrongPasswordSendsTheMessageBackToDrafts() {
        harness.start(new SmtpTransport(account("localhost", mail.getSmtp().getPort(), SmtpSecurity.NONE, ""),
                a -> Optional.of("not the password".toCharArray()), SmtpFaultTest.QUICK, ServerTrust.system()));
        MessageFate fate = harness.awaitOutcome(harness.submit(dev.envoi.store.Drafts.simple("wrong password")));
        assertEquals(Folder.DRAFTS, fate.folder());
        assertTrue(fate.reason().contains("refused the login of emile"), fate.reason());
        assertTrue(!fate.reason().contains("not the password"));
        assertEquals(0, mail.getReceivedMessages().length);
    }

    private MimeMessage readInbox(String user, String password) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.connectiontimeout", "5000");
        properties.setProperty("mail.imap.timeout", "5000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), user, password);
        try {
            var inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            Message[] all = inbox.getMessages();
            assertEquals(1, all.length, "one message in " + user + "'s inbox");
            return new MimeMessage((MimeMessage) all[0]);
        } finally {
            store.close();
        }
    }
}
