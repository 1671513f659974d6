package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The copy in the server's Sent folder, against GreenMail's IMAP (login, LIST, CREATE, SEARCH,
 * APPEND) and, for what GreenMail lacks (SPECIAL-USE, a connection dropped during APPEND, a
 * refused login), the {@link ImapFront} before it.
 */
@Timeout(60)
class ImapSentCopyTest {

    private static final String PASSWORD = "s3cret-emile";
    private static final SecretLookup SECRET = a -> Optional.of(PASSWORD.toCharArray());

    private GreenMail mail;
    private final TestMessages messages = new TestMessages();
    private final List<ImapFront> fronts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP}));
        mail.start();
        mail.setUser("emile@example.org", "emile", PASSWORD);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (ImapFront front : fronts) {
            front.close();
        }
        mail.stop();
    }

    @Test
    void theSpecialUseFolderGetsTheCopyWithBccAndSeen() throws Exception {
        createFolders("Sent", "Outgoing Copies");
        ImapFront front = front().markSent("Outgoing Copies");
        OutgoingMessage message = messages.outgoing(TestMessages.content("Le rapport", "Voilà, ci-joint.", List.of(
                messages.attachment("rapport.pdf", "application/pdf", "PDF-1.7 bytes".getBytes(StandardCharsets.UTF_8)))));

        ImapSentCopy.Filed filed = copier(front.port(), "").copy(message);

        assertEquals(new ImapSentCopy.Filed("Outgoing Copies", true), filed);
        assertEquals(0, count("Sent"));
        List<byte[]> copies = raw("Outgoing Copies");
        assertEquals(1, copies.size());
        String text = new String(copies.get(0), StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nBcc: hidden@example.org\r\n"), text);
        assertTrue(seen("Outgoing Copies"));
        // The very bytes Envoi assembles for sending, Bcc kept: assembled again, they are the same.
        assertArrayEquals(bytesOf(new MimeAssembler().assembleSenderCopy(message)), copies.get(0));
    }

    @Test
    void theFolderXlistMarksGetsTheCopyWhenTheServerHasNoSpecialUse() throws Exception {
        createFolders("Sent", "Outgoing Copies");
        ImapFront front = front().markSentWithXlist("Outgoing Copies");

        ImapSentCopy.Filed filed = copier(front.port(), "").copy(plain("xlist"));

        assertEquals("Outgoing Copies", filed.folder());
        assertEquals(1, count("Outgoing Copies"));
        assertEquals(0, count("Sent"), "the marked folder wins over the usual name");
        assertTrue(front.clientLines().stream().anyMatch(l -> l.contains(" XLIST \"\" \"*\"")), front.clientLines().toString());
    }

    @Test
    void theCopyHasTheBytesTheSmtpServerReceivedPlusBcc() throws Exception {
        OutgoingMessage message = messages.outgoing(TestMessages.content("Octets", "ASCII body line\nand another",
                List.of(messages.attachment("a.bin", "application/octet-stream", new byte[] {0, 1, 2, (byte) 255}))));
        Account account = account("localhost", mail.getSmtp().getPort());
        try (SmtpTransport smtp = new SmtpTransport(account, SECRET, SmtpFaultTest.QUICK, ServerTrust.system())) {
            smtp.transfer(message, new RecordingGate());
        }
        // Taken before the copy: GreenMail counts an appended message as received too.
        MimeMessage received = mail.getReceivedMessages()[0];
        copier(mail.getImap().getPort(), "").copy(message);

        received.removeHeader("Received");
        received.removeHeader("Return-Path");
        String sent = new String(bytesOf(received), StandardCharsets.UTF_8);
        String copy = new String(raw("Sent").get(0), StandardCharsets.UTF_8).replace("Bcc: hidden@example.org\r\n", "");
        // SMTP's framing ends the data with a line break (RFC 5321 4.1.1.4); the message is the same.
        assertEquals(sent.stripTrailing(), copy.stripTrailing());
    }

    @Test
    void theCopyHasTheRawBytesAnSmtpServerOffering8BitMimeReceived() throws Exception {
        // Accented text that quoted-printable encodes; a server offering 8BITMIME could take it as 8bit.
        OutgoingMessage message = messages.outgoing(TestMessages.content("Reçu", "Ça coûte 5 € — déjà payé.\nMerci.",
                List.of(messages.attachment("a.bin", "application/octet-stream", new byte[] {0, 1, 2, (byte) 255}))));
        byte[] received;
        try (FaultSmtpServer eightBit = new FaultSmtpServer()) {
            Account account = new Account("fault", new MailAddress("Émile Envoi", "emile@example.org"), "127.0.0.1",
                    eightBit.port(), SmtpSecurity.NONE, "", AuthMethod.NONE, 0, true, false, false, "", false);
            try (SmtpTransport smtp = new SmtpTransport(account, SECRET, SmtpFaultTest.QUICK, ServerTrust.system())) {
                smtp.transfer(message, new RecordingGate());
            }
            received = eightBit.messages.get(0);
        }
        copier(mail.getImap().getPort(), "").copy(message);

        String copy = new String(raw("Sent").get(0), StandardCharsets.ISO_8859_1)
                .replace("Bcc: hidden@example.org\r\n", "");
        assertEquals(new String(received, StandardCharsets.ISO_8859_1).stripTrailing(), copy.stripTrailing());
    }

    @Test
    void aUsualSentNameIsUsedWhenNoFolderIsMarked() throws Exception {
        createFolders("Archives", "Éléments envoyés");
        ImapSentCopy.Filed filed = copier(mail.getImap().getPort(), "Archives").copy(plain("usual name"));
        assertEquals("Éléments envoyés", filed.folder());
        assertEquals(1, count("Éléments envoyés"));
        assertEquals(0, count("Archives"));
    }

    @Test
    void theChosenFolderComesWhenNoSentFolderExists() throws Exception {
        ImapSentCopy.Filed filed = copier(mail.getImap().getPort(), "Copies").copy(plain("chosen"));
        assertEquals("Copies", filed.folder());
        assertEquals(1, count("Copies"));
    }

    @Test
    void aMissingFolderIsCreatedAsSent() throws Exception {
        ImapSentCopy.Filed filed = copier(mail.getImap().getPort(), "").copy(plain("no folder"));
        assertEquals("Sent", filed.folder());
        assertEquals(1, count("Sent"));
        assertTrue(seen("Sent"));
    }

    @Test
    void aSecondTryFindsTheCopyByItsMessageIdAndAppendsNothing() throws Exception {
        OutgoingMessage message = plain("twice");
        ImapSentCopy copier = copier(mail.getImap().getPort(), "");
        assertTrue(copier.copy(message).appended());
        assertFalse(copier.copy(message).appended());
        assertEquals(1, count("Sent"));
    }

    @Test
    void aConnectionDroppedAfterTheServerStoredTheCopyLeavesOneCopyAfterTheRetry() throws Exception {
        createFolders("Sent");
        ImapFront dropping = front().onAppend(ImapFront.Append.DROP_AFTER_STORED);
        OutgoingMessage message = plain("dropped after");

        assertThrows(TransientFailureException.class, () -> copier(dropping.port(), "").copy(message));
        assertEquals(1, dropping.appendsSeen());
        assertEquals(1, count("Sent"));

        ImapFront clean = front();
        assertFalse(copier(clean.port(), "").copy(message).appended());
        assertEquals(0, clean.appendsSeen());
        assertEquals(1, count("Sent"));
    }

    @Test
    void aConnectionDroppedBeforeTheServerGotTheCopyIsRetriedWithAnAppend() throws Exception {
        createFolders("Sent");
        ImapFront dropping = front().onAppend(ImapFront.Append.DROP_BEFORE);
        OutgoingMessage message = plain("dropped before");

        TransientFailureException failure = assertThrows(TransientFailureException.class,
                () -> copier(dropping.port(), "").copy(message));
        assertTrue(failure.getMessage().contains("127.0.0.1:" + dropping.port()), failure.getMessage());
        assertEquals(0, count("Sent"));

        assertTrue(copier(mail.getImap().getPort(), "").copy(message).appended());
        assertEquals(1, count("Sent"));
    }

    @Test
    void aRefusedLoginIsAFailureThatSaysWhy() throws Exception {
        ImapFront refusing = front().refuseLogin();
        PermanentFailureException failure = assertThrows(PermanentFailureException.class,
                () -> copier(refusing.port(), "").copy(plain("refused")));
        assertTrue(failure.getMessage().contains("refused the login of emile"), failure.getMessage());
        assertTrue(failure.getMessage().contains("The mail was sent"), failure.getMessage());
    }

    // ---- helpers ------------------------------------------------------------------------------

    private ImapFront front() throws Exception {
        ImapFront front = new ImapFront(mail.getImap().getPort());
        fronts.add(front);
        return front;
    }

    private OutgoingMessage plain(String subject) {
        return messages.outgoing(TestMessages.content(subject, "body of " + subject, List.of()));
    }

    private static Account account(String host, int smtpPort) {
        return new Account("greenmail", new MailAddress("Émile Envoi", "emile@example.org"), host, smtpPort,
                SmtpSecurity.NONE, "emile", AuthMethod.PASSWORD, 0, true, false, false, "", false);
    }

    private ImapSentCopy copier(int imapPort, String chosen) {
        ImapSettings settings = new ImapSettings(new ImapServer("127.0.0.1", imapPort, SmtpSecurity.NONE), true, chosen);
        return new ImapSentCopy(account("127.0.0.1", mail.getSmtp().getPort()), settings, SECRET, null, SmtpFaultTest.QUICK,
                ServerTrust.system());
    }

    private Store reader() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "10000");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), "emile", PASSWORD);
        return store;
    }

    private void createFolders(String... names) throws Exception {
        try (Store store = reader()) {
            for (String name : names) {
                assertTrue(store.getFolder(name).create(Folder.HOLDS_MESSAGES), name);
            }
        }
    }

    private int count(String folderName) throws Exception {
        try (Store store = reader()) {
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }

    private boolean seen(String folderName) throws Exception {
        try (Store store = reader()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessage(1).isSet(Flags.Flag.SEEN);
            } finally {
                folder.close(false);
            }
        }
    }

    private List<byte[]> raw(String folderName) throws Exception {
        try (Store store = reader()) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                List<byte[]> result = new ArrayList<>();
                for (Message message : folder.getMessages()) {
                    result.add(bytesOf(message));
                }
                return result;
            } finally {
                folder.close(false);
            }
        }
    }

    private static byte[] bytesOf(Message message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
