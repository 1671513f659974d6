package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.transport.DeliveryOptions.Notify;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SMTP transport against the fault server: TLS, login, reuse, extensions. */
@Timeout(30)
class SmtpTransportTest {

    private FaultSmtpServer server;
    private final TestMessages messages = new TestMessages();
    private final RecordingGate gate = new RecordingGate();

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
    }

    private Account account(String host, SmtpSecurity security, AuthMethod auth, String pinned) {
        return new Account("test", new MailAddress("Émile Envoi", "emile@example.org"), host, server.port(), security,
                auth == AuthMethod.NONE ? "" : "emile", auth, 0, true, false, false, pinned, false);
    }

    private SmtpTransport transport(Account account, SecretLookup secrets, ServerTrust trust) {
        return new SmtpTransport(account, secrets, SmtpFaultTest.QUICK, trust);
    }

    private SmtpTransport plain() {
        return transport(account("127.0.0.1", SmtpSecurity.NONE, AuthMethod.NONE, ""), a -> Optional.empty(),
                ServerTrust.system());
    }

    private OutgoingMessage simple(String subject) {
        return messages.outgoing(TestMessages.content(subject, "Bonjour", List.of()));
    }

    private SmtpTransport plain(Duration probeAfterIdle) {
        return new SmtpTransport(account("127.0.0.1", SmtpSecurity.NONE, AuthMethod.NONE, ""), a -> Optional.empty(),
                SmtpFaultTest.QUICK, ServerTrust.system(), probeAfterIdle);
    }

    @Test
    void consecutiveMessagesShareOneConnectionCheckedWithRsetAfterIdleness() throws Exception {
        try (SmtpTransport transport = plain(Duration.ZERO)) {
            transport.transfer(simple("one"), gate);
            transport.transfer(simple("two"), gate);
            transport.transfer(simple("three"), gate);
            assertTrue(transport.currentSocket().getTcpNoDelay(), "no Nagle delay on the SMTP socket");
        }
        assertEquals(1, server.connections.get());
        assertEquals(3, server.messages.size());
        assertEquals(2, server.commandsStartingWith("RSET").size(), "each reuse after idleness is checked first");
    }

    @Test
    void theBodyIsGatheredIntoFullSegmentsAndTheMarkerLeavesAtOnce() throws Exception {
        java.util.List<Boolean> noDelayWhileWriting = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger handOffsWithNoDelay = new AtomicInteger();
        try (SmtpTransport transport = plain()) {
            HandOffGate watching = new HandOffGate() {
                @Override
                public void checkNotCancelled() {
                }

                @Override
                public void handOff() {
                    handOffsWithNoDelay.addAndGet(noDelay(transport) ? 1 : 0);
                }

                @Override
                public void progress(long written, long total) {
                    noDelayWhileWriting.add(noDelay(transport));
                }
            };
            byte[] data = new byte[300_000];
            new java.util.Random(7).nextBytes(data);
            DraftContent content = TestMessages.content("large", "Here", List.of(
                    messages.attachment("large.bin", "application/octet-stream", data)));
            transport.transfer(messages.outgoing(content), watching);
            transport.transfer(simple("small, right after"), gate);
            assertTrue(noDelay(transport), "commands and short messages are never held back by Nagle");
        }
        assertFalse(noDelayWhileWriting.isEmpty());
        assertFalse(noDelayWhileWriting.contains(true), "the body is written with Nagle's gathering: " + noDelayWhileWriting);
        assertEquals(1, handOffsWithNoDelay.get(), "TCP_NODELAY is back before the hand-off and the marker");
        assertEquals(2, server.messages.size());
    }

    private static boolean noDelay(SmtpTransport transport) {
        try {
            return transport.currentSocket().getTcpNoDelay();
        } catch (java.net.SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConnectionUsedWithinTheLastSecondIsReusedWithoutRset() throws Exception {
        try (SmtpTransport transport = plain()) {
            transport.transfer(simple("one"), gate);
            transport.transfer(simple("two"), gate);
            transport.transfer(simple("three"), gate);
        }
        assertEquals(1, server.connections.get());
        assertEquals(3, server.messages.size());
        assertEquals(0, server.commandsStartingWith("RSET").size(), "no round trip spent on a probe");
    }

    /** A server that closes (FIN) or resets (RST) the kept connection between two messages. */
    @ParameterizedTest(name = "reset: {0}")
    @ValueSource(booleans = {false, true})
    void aKeptConnectionDroppedBetweenMessagesIsReplacedAndTheMessageSentOnce(boolean reset) throws Exception {
        try (SmtpTransport transport = plain(Duration.ofHours(1))) {
            transport.transfer(simple("one"), gate);
            server.dropConnections(reset);
            Thread.sleep(50);
            HandOffReceipt receipt = transport.transfer(simple("two"), gate);
            assertTrue(receipt.reply().startsWith("250"), receipt.reply());
            transport.transfer(simple("three"), gate);
        }
        assertEquals(2, server.connections.get());
        assertEquals(3, server.messages.size(), "each message once");
        assertEquals(0, server.commandsStartingWith("RSET").size());
    }

    @Test
    void aLiveServersRefusalOnAnUnprobedConnectionIsNotRetried() throws Exception {
        try (SmtpTransport transport = plain(Duration.ofHours(1))) {
            transport.transfer(simple("one"), gate);
            server.reply(FaultSmtpServer.Stage.MAIL, "451 4.3.0 Try again later");
            assertThrows(TransientFailureException.class, () -> transport.transfer(simple("two"), gate));
        }
        assertEquals(1, server.connections.get(), "a real answer is not a dead connection");
        assertEquals(1, server.messages.size());
    }

    @Test
    void aConnectionThatDiesMidDataIsNotRetriedSilently() throws Exception {
        try (SmtpTransport transport = plain(Duration.ofHours(1))) {
            transport.transfer(simple("one"), gate);
            server.resetAfterDataBytes(10_000);
            // 23 MB: more than loopback's send and receive buffers can hold, so the reset lands before
            // the whole body is written (the hand-off point) and the failure is transient, not uncertain.
            String longText = "A line of text that makes the message long enough to be cut in its middle.\n".repeat(300_000);
            assertThrows(TransientFailureException.class, () -> transport.transfer(
                    messages.outgoing(TestMessages.content("two", longText, List.of())), gate));
        }
        assertEquals(1, server.connections.get(), "data had begun: the spooler's retry decides, not the transport");
        assertEquals(1, server.messages.size());
    }

    @Test
    void aDeadKeptConnectionIsReplacedWithoutLosingTheMessage() throws Exception {
        try (SmtpTransport transport = plain(Duration.ZERO)) {
            transport.transfer(simple("one"), gate);
            server.reply(FaultSmtpServer.Stage.RSET, "421 4.4.2 Idle too long, closing");
            HandOffReceipt receipt = transport.transfer(simple("two"), gate);
            assertTrue(receipt.reply().startsWith("250"), receipt.reply());
        }
        assertEquals(2, server.connections.get());
        assertEquals(2, server.messages.size());
    }

    @Test
    void leadingDotsSurviveTheWireAndTheDataEndsWhereTheMessageEnds() throws Exception {
        byte[] file = new byte[100_000];
        new Random(9).nextBytes(file);
        OutgoingMessage message = messages.outgoing(TestMessages.content("dots", ".one\n..two\nthree.\n",
                List.of(messages.attachment("data.bin", "application/octet-stream", file))));
        try (SmtpTransport transport = plain()) {
            transport.transfer(message, gate);
        }
        String raw = new String(server.messages.get(0), StandardCharsets.ISO_8859_1);
        // The server takes one dot off a line that starts with two: "..two" arrives whole only if
        // the client doubled its first dot.
        assertTrue(raw.contains("\r\n.one\r\n..two\r\nthree.\r\n"), "dots doubled at line starts: " + raw);
        assertTrue(raw.endsWith("--"), "the closing boundary's line end is the marker's: no blank line added");
        assertFalse(raw.replace("\r\n", "").contains("\r") || raw.replace("\r\n", "").contains("\n"),
                "every line ends in CRLF");
        try (InputStream in = ((Multipart) parse(server.messages.get(0)).getContent()).getBodyPart(1).getInputStream()) {
            assertArrayEquals(file, in.readAllBytes());
        }
    }

    @Test
    void startTlsIsUsedAndTheCertificateChecked() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        server.startTls(certificates.serverContext());
        byte[] file = new byte[200_000];
        new Random(5).nextBytes(file);
        OutgoingMessage withFile = messages.outgoing(TestMessages.content("secret", "Bonjour",
                List.of(messages.attachment("secret.bin", "application/octet-stream", file))));
        try (SmtpTransport transport = transport(account("localhost", SmtpSecurity.STARTTLS, AuthMethod.NONE, ""),
                a -> Optional.empty(), ServerTrust.anchoredIn(certificates.authority))) {
            transport.transfer(withFile, gate);
        }
        assertTrue(server.saw("STARTTLS"));
        assertEquals(1, server.messages.size());
        MimeMessage received = parse(server.messages.get(0));
        try (InputStream in = ((Multipart) received.getContent()).getBodyPart(1).getInputStream()) {
            assertArrayEquals(file, in.readAllBytes(), "the attachment went through the TLS layer, not beneath it");
        }
    }

    @Test
    void anUntrustedCertificateIsRefusedWithItsSubjectAndFingerprintThenPinnedAccepted() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        server.startTls(certificates.serverContext());
        PermanentFailureException refused = assertThrows(PermanentFailureException.class, () ->
                transport(account("localhost", SmtpSecurity.STARTTLS, AuthMethod.NONE, ""), a -> Optional.empty(),
                        ServerTrust.system()).transfer(simple("x"), gate));
        assertTrue(refused.getMessage().contains("CN=localhost"), refused.getMessage());
        assertTrue(refused.getMessage().contains(certificates.serverFingerprint()), refused.getMessage());
        assertTrue(refused.getMessage().contains("not signed by an authority"), refused.getMessage());
        assertFalse(server.saw("MAIL"));

        assertThrows(PermanentFailureException.class, () -> transport(account("localhost", SmtpSecurity.STARTTLS,
                AuthMethod.NONE, "AB".repeat(32)), a -> Optional.empty(), ServerTrust.system()).transfer(simple("x"), gate),
                "a pin of another certificate trusts nothing more");

        String typedByUser = certificates.serverFingerprint().toLowerCase().replace(":", " ");
        try (SmtpTransport pinned = transport(account("localhost", SmtpSecurity.STARTTLS, AuthMethod.NONE, typedByUser),
                a -> Optional.empty(), ServerTrust.system())) {
            pinned.transfer(simple("pinned"), gate);
        }
        assertEquals(1, server.messages.size());
    }

    @Test
    void aCertificateForAnotherHostNameIsRefused() throws Exception {
        TestCertificates certificates = TestCertificates.get();
        server.startTls(certificates.serverContext());
        PermanentFailureException refused = assertThrows(PermanentFailureException.class, () ->
                transport(account("127.0.0.1", SmtpSecurity.STARTTLS, AuthMethod.NONE, ""), a -> Optional.empty(),
                        ServerTrust.anchoredIn(certificates.authority)).transfer(simple("x"), gate));
        assertTrue(refused.getMessage().contains("not issued for this host name"), refused.getMessage());
        assertTrue(server.messages.isEmpty());
    }

    @Test
    void startTlsRequiredButNotOfferedIsNeverSkipped() {
        PermanentFailureException refused = assertThrows(PermanentFailureException.class, () ->
                transport(account("localhost", SmtpSecurity.STARTTLS, AuthMethod.NONE, ""), a -> Optional.empty(),
                        ServerTrust.system()).transfer(simple("x"), gate));
        assertTrue(refused.getMessage().contains("does not offer STARTTLS"), refused.getMessage());
        assertFalse(server.saw("MAIL"), "nothing sent in the clear");
    }

    @Test
    void aRefusedLoginIsNotTriedAgainUntilThePasswordChanges() throws Exception {
        server.requireLogin("emile", "right password");
        AtomicInteger asked = new AtomicInteger();
        String[] current = {"wrong password"};
        SecretLookup secrets = a -> {
            asked.incrementAndGet();
            return Optional.of(current[0].toCharArray());
        };
        try (SmtpTransport transport = transport(account("127.0.0.1", SmtpSecurity.NONE, AuthMethod.PASSWORD, ""),
                secrets, ServerTrust.system())) {
            PermanentFailureException first = assertThrows(PermanentFailureException.class,
                    () -> transport.transfer(simple("one"), gate));
            assertTrue(first.getMessage().contains("refused the login of emile"), first.getMessage());
            assertTrue(first.getMessage().contains("535 5.7.8"), first.getMessage());
            assertThrows(PermanentFailureException.class, () -> transport.transfer(simple("two"), gate));
            assertThrows(PermanentFailureException.class, () -> transport.transfer(simple("three"), gate));
            assertEquals(1, server.commandsStartingWith("AUTH").size(), "no retry storm, no lockout");

            current[0] = "right password";
            transport.transfer(simple("four"), gate);
        }
        assertEquals(2, server.commandsStartingWith("AUTH").size());
        assertEquals(1, server.messages.size());
    }

    @Test
    void aMissingPasswordSaysHowToGiveIt() {
        server.requireLogin("emile", "pw");
        PermanentFailureException e = assertThrows(PermanentFailureException.class, () ->
                transport(account("127.0.0.1", SmtpSecurity.NONE, AuthMethod.PASSWORD, ""), a -> Optional.empty(),
                        ServerTrust.system()).transfer(simple("x"), gate));
        assertTrue(e.getMessage().contains("ENVOI_SMTP_PASSWORD"), e.getMessage());
        assertEquals(0, server.connections.get(), "no connection without a password to give");
    }

    @Test
    void aLoginAccountRefusesAServerThatOffersNoLogin() {
        PermanentFailureException e = assertThrows(PermanentFailureException.class, () ->
                transport(account("127.0.0.1", SmtpSecurity.NONE, AuthMethod.PASSWORD, ""),
                        a -> Optional.of("pw".toCharArray()), ServerTrust.system()).transfer(simple("x"), gate));
        assertTrue(e.getMessage().contains("offers no login"), e.getMessage());
        assertFalse(server.saw("MAIL"));
    }

    @Test
    void anInternationalAddressNeedsSmtpUtf8() throws Exception {
        DraftContent content = new DraftContent(MailAddress.of("emile@example.org"),
                List.of(new Recipient(RecipientType.TO, MailAddress.of("jörg@bücher.example"))), "Grüße", "Hallo", List.of());
        PermanentFailureException e = assertThrows(PermanentFailureException.class,
                () -> plain().transfer(messages.outgoing(content), gate));
        assertTrue(e.getMessage().contains("jörg@bücher.example"), e.getMessage());
        assertTrue(e.getMessage().contains("SMTPUTF8"), e.getMessage());
        assertEquals(List.of(MailAddress.of("jörg@bücher.example")), e.refusedRecipients());

        server.advertise("SMTPUTF8");
        try (SmtpTransport transport = plain()) {
            transport.transfer(messages.outgoing(content), gate);
        }
        assertTrue(server.commandsStartingWith("MAIL").get(0).contains("SMTPUTF8"));
        assertTrue(server.saw("RCPT TO:<jörg@bücher.example>"), server.commands.toString());
        MimeMessage received = parse(server.messages.get(0));
        assertEquals("jörg@bücher.example", received.getAllRecipients()[0].toString());
    }

    @Test
    void dsnAndReadReceiptAreAskedWhenTheServerOffersDsn() throws Exception {
        server.advertise("DSN");
        OutgoingMessage base = simple("tell me");
        OutgoingMessage withOptions = new OutgoingMessage(base.id(), base.messageId(), base.submittedAt(), base.content(),
                messages, new DeliveryOptions(Set.of(Notify.FAILURE, Notify.SUCCESS), true, true));
        try (SmtpTransport transport = plain()) {
            transport.transfer(withOptions, gate);
        }
        assertTrue(server.commandsStartingWith("MAIL").get(0).contains("RET=HDRS"), server.commands.toString());
        assertTrue(server.commandsStartingWith("RCPT").get(0).contains("NOTIFY=SUCCESS,FAILURE"), server.commands.toString());
        MimeMessage received = parse(server.messages.get(0));
        assertTrue(received.getHeader("Disposition-Notification-To", null).contains("emile@example.org"));
    }

    @Test
    void withoutDsnNoDsnParameterIsSent() throws Exception {
        OutgoingMessage base = simple("tell me");
        OutgoingMessage withOptions = new OutgoingMessage(base.id(), base.messageId(), base.submittedAt(), base.content(),
                messages, new DeliveryOptions(Set.of(Notify.FAILURE), false, false));
        try (SmtpTransport transport = plain()) {
            transport.transfer(withOptions, gate);
        }
        assertFalse(server.commands.stream().anyMatch(c -> c.contains("NOTIFY=") || c.contains("RET=")));
    }

    @Test
    void accentedTextTravelsAsAssembledEvenWhenTheServerOffers8BitMime() throws Exception {
        OutgoingMessage message = messages.outgoing(TestMessages.content("été", "Ça coûte 5 € — déjà payé.", List.of()));
        try (SmtpTransport transport = plain()) {
            transport.transfer(message, gate);
        }
        String raw = new String(server.messages.get(0), StandardCharsets.UTF_8);
        // Not rewritten as 8bit: the copy in the server's Sent folder is assembled again, and must match.
        assertTrue(raw.contains("Content-Transfer-Encoding: quoted-printable"), raw);
        java.io.ByteArrayOutputStream assembled = new java.io.ByteArrayOutputStream();
        new MimeAssembler().assemble(message).writeTo(assembled);
        assertEquals(assembled.toString(StandardCharsets.UTF_8).stripTrailing(), raw.stripTrailing());
        assertEquals("Ça coûte 5 € — déjà payé.", parse(server.messages.get(0)).getContent());
    }

    @Test
    void aCancelBeforeTheHandOffSendsNoEndOfData() throws Exception {
        gate.refuseHandOff = true;
        try (SmtpTransport transport = plain()) {
            assertThrows(TransferCancelledException.class, () -> transport.transfer(simple("cancelled"), gate));
        }
        Thread.sleep(200);
        assertTrue(server.saw("DATA"));
        assertTrue(server.messages.isEmpty(), "the server never got the end-of-data marker");
    }

    @Test
    void aRefusedConnectionIsTransientAndSaysSo() throws Exception {
        TransientFailureException e;
        try (RefusingPort closed = new RefusingPort()) {
            Account account = new Account("gone", MailAddress.of("emile@example.org"), "127.0.0.1", closed.port(),
                    SmtpSecurity.NONE, "", AuthMethod.NONE, 0, true, false, false, "", false);
            e = assertThrows(TransientFailureException.class, () ->
                    transport(account, a -> Optional.empty(), ServerTrust.system()).transfer(simple("x"), gate));
        }
        assertTrue(e.getMessage().contains("refused the connection"), e.getMessage());
    }

    static MimeMessage parse(byte[] raw) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        return new MimeMessage(Session.getInstance(properties), new ByteArrayInputStream(raw));
    }
}
