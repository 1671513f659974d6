package dev.envoi.transport;

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
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 14, item 15: what Envoi says to a server, read from the commands FaultSmtpServer received. */
@Timeout(30)
class ProtocolTruthsTest {

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

    private Account account(AuthMethod auth) {
        return new Account("truths", new MailAddress("Émile Envoi", "emile@example.org"), "127.0.0.1", server.port(),
                SmtpSecurity.NONE, auth == AuthMethod.NONE ? "" : "emile", auth, 0, true, false, false, "", false);
    }

    private SmtpTransport transport(AuthMethod auth, SecretLookup secrets) {
        return new SmtpTransport(account(auth), secrets, SmtpFaultTest.QUICK, ServerTrust.system());
    }

    private OutgoingMessage to(String address) {
        return messages.outgoing(new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"),
                List.of(new Recipient(RecipientType.TO, MailAddress.of(address))), "Réunion", "Bonjour", List.of()));
    }

    /** The server reads what the client wrote on its own thread; a QUIT may arrive a moment later. */
    private boolean sawSoon(String command) throws InterruptedException {
        for (int i = 0; i < 200 && !server.saw(command); i++) {
            Thread.sleep(25);
        }
        return server.saw(command);
    }

    @Test
    void smtpUtf8IsRequestedOnlyForAMessageThatNeedsIt() throws Exception {
        server.advertise("SMTPUTF8");
        try (SmtpTransport transport = transport(AuthMethod.NONE, a -> Optional.empty())) {
            transport.transfer(to("jane@example.org"), gate);
            transport.transfer(to("jürgen@exämple.org"), gate);
            transport.transfer(to("bob@example.org"), gate);
        }
        List<String> mailFrom = server.commandsStartingWith("MAIL FROM");
        assertEquals(3, mailFrom.size(), mailFrom.toString());
        assertFalse(mailFrom.get(0).contains("SMTPUTF8"), "an all-ASCII envelope (a UTF-8 subject is encoded): " + mailFrom);
        assertTrue(mailFrom.get(1).contains("SMTPUTF8"), "a non-ASCII address needs it: " + mailFrom);
        assertFalse(mailFrom.get(2).contains("SMTPUTF8"), "and the next ASCII message on the same connection not: " + mailFrom);
    }

    @Test
    void aRefusedSenderEndsTheSessionWithQuit() throws Exception {
        server.reply(FaultSmtpServer.Stage.MAIL, "550 5.7.1 Sender rejected");
        try (SmtpTransport transport = transport(AuthMethod.NONE, a -> Optional.empty())) {
            assertThrows(PermanentFailureException.class, () -> transport.transfer(to("jane@example.org"), gate));
            assertTrue(sawSoon("QUIT"), "QUIT after the refusal: " + server.commands);
        }
    }

    @Test
    void aRefusedMessageEndsTheSessionWithQuit() throws Exception {
        server.reply(FaultSmtpServer.Stage.END_OF_DATA, "554 5.7.1 Message refused as spam");
        try (SmtpTransport transport = transport(AuthMethod.NONE, a -> Optional.empty())) {
            assertThrows(PermanentFailureException.class, () -> transport.transfer(to("jane@example.org"), gate));
            assertTrue(sawSoon("QUIT"), "QUIT after the refusal: " + server.commands);
        }
    }

    @Test
    void aRefusedLoginEndsTheSessionWithQuit() throws Exception {
        server.requireLogin("emile", "the right one");
        try (SmtpTransport transport = transport(AuthMethod.PASSWORD, a -> Optional.of("wrong".toCharArray()))) {
            assertThrows(PermanentFailureException.class, () -> transport.transfer(to("jane@example.org"), gate));
            assertTrue(sawSoon("QUIT"), "QUIT after the refused login: " + server.commands);
        }
    }

    @Test
    void theConnectionTestReportsOnlyTheStepsItPerformed() {
        AccountTester.Report report = new AccountTester(SmtpFaultTest.QUICK, ServerTrust.system())
                .test(account(AuthMethod.NONE), a -> Optional.empty());
        assertTrue(report.ok(), report.toString());
        assertEquals(List.of(AccountTester.Step.CONNECT), report.performed(),
                "no TLS and no login were used, so neither is said to have succeeded: " + report);
        assertEquals(3, report.steps().size(), "the unused ones are still listed, as not used");
    }
}
