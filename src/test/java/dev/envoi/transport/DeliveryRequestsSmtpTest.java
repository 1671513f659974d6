package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.EntryId;
import dev.envoi.store.Drafts;
import dev.envoi.store.Folder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message's delivery requests, from the store through the real spooler and SMTP transport to a
 * server on a real socket: what the server sees in the envelope and in the message.
 */
@Timeout(30)
class DeliveryRequestsSmtpTest {

    private static final DeliveryRequests BOTH = new DeliveryRequests(true, true);

    @TempDir
    Path profile;
    private FaultSmtpServer server;
    private SpoolHarness harness;

    @BeforeEach
    void setUp() throws Exception {
        server = new FaultSmtpServer();
        harness = new SpoolHarness(profile);
        // The harness's messages are from emile@example.org, the identity of this account.
        harness.start(new SmtpTransport(Accounts.loopback("emile", server.port()), a -> Optional.empty(),
                SmtpFaultTest.QUICK, ServerTrust.system()));
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
        server.close();
    }

    /** Sends a message asking {@code requests} and returns what the server received. */
    private MimeMessage send(DeliveryRequests requests) throws Exception {
        EntryId id = harness.submit(Drafts.simple("tell me").withDeliveryRequests(requests));
        assertEquals(Folder.SENT, harness.awaitOutcome(id).folder(), server.commands.toString());
        return SmtpTransportTest.parse(server.messages.get(0));
    }

    /** Where the read receipt is to go (RFC 8098): the sender's own address. */
    private static String receiptAddress(MimeMessage received) throws Exception {
        String header = received.getHeader("Disposition-Notification-To", null);
        assertTrue(header != null, "no Disposition-Notification-To header");
        return InternetAddress.parseHeader(header, true)[0].getAddress();
    }

    private String mailFrom() {
        return server.commandsStartingWith("MAIL").get(0);
    }

    private List<String> rcpts() {
        return server.commandsStartingWith("RCPT");
    }

    @Test
    void aServerOfferingDsnIsAskedForEveryReportWithHeadersOnlyAndGetsTheReceiptHeader() throws Exception {
        server.advertise("DSN");
        MimeMessage received = send(BOTH);
        assertTrue(mailFrom().contains(" RET=HDRS"), mailFrom());
        assertFalse(rcpts().isEmpty());
        for (String rcpt : rcpts()) {
            assertTrue(rcpt.contains(" NOTIFY=SUCCESS,FAILURE,DELAY"), rcpt);
        }
        assertEquals("emile@example.org", receiptAddress(received));
    }

    @Test
    void aServerWithoutDsnGetsNoDsnParameterButTheReceiptHeaderStillGoes() throws Exception {
        MimeMessage received = send(BOTH);
        assertFalse(server.commands.stream().anyMatch(c -> c.contains("NOTIFY=") || c.contains("RET=")),
                server.commands.toString());
        assertEquals("emile@example.org", receiptAddress(received));
    }

    @Test
    void aNotificationAloneAddsNoReceiptHeader() throws Exception {
        server.advertise("DSN");
        MimeMessage received = send(new DeliveryRequests(true, false));
        assertTrue(rcpts().get(0).contains(" NOTIFY=SUCCESS,FAILURE,DELAY"), rcpts().get(0));
        assertNull(received.getHeader("Disposition-Notification-To"));
    }

    @Test
    void aMessageAskingNothingLeavesTheServerItsDefaults() throws Exception {
        server.advertise("DSN");
        MimeMessage received = send(DeliveryRequests.NONE);
        assertFalse(server.commands.stream().anyMatch(c -> c.contains("NOTIFY=") || c.contains("RET=")),
                server.commands.toString());
        assertNull(received.getHeader("Disposition-Notification-To"));
    }
}
