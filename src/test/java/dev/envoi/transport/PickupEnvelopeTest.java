package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 10: a pickup file carries the whole envelope in the IIS/Exchange pickup form, so
 * a Bcc recipient is reached, and the message a reader passes on names no Bcc recipient.
 */
class PickupEnvelopeTest {

    @TempDir
    Path pickup;
    private final TestMessages messages = new TestMessages();

    /** What a pickup reader does: the leading X-Sender/X-Receiver lines are the envelope, the rest the message. */
    private record PickedUp(String sender, List<String> receivers, String message) {
        static PickedUp read(Path eml) throws Exception {
            String raw = Files.readString(eml, StandardCharsets.UTF_8);
            String sender = null;
            List<String> receivers = new ArrayList<>();
            int at = 0;
            while (true) {
                int end = raw.indexOf("\r\n", at);
                String line = raw.substring(at, end);
                if (line.startsWith("X-Sender: ")) {
                    sender = line.substring("X-Sender: ".length());
                } else if (line.startsWith("X-Receiver: ")) {
                    receivers.add(line.substring("X-Receiver: ".length()));
                } else {
                    return new PickedUp(sender, receivers, raw.substring(at));
                }
                at = end + 2;
            }
        }

        MimeMessage parsed() throws Exception {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private PickedUp send(List<Recipient> recipients) throws Exception {
        DraftContent content = new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"), recipients,
                "envelope", "hello", List.of());
        new PickupFolderTransport(pickup).transfer(messages.outgoing(content), new RecordingGate());
        try (Stream<Path> files = Files.list(pickup)) {
            return PickedUp.read(files.filter(p -> p.toString().endsWith(".eml")).findFirst().orElseThrow());
        }
    }

    @Test
    void aMessageWithOnlyBccRecipientsReachesThemAndShowsNone() throws Exception {
        PickedUp file = send(List.of(new Recipient(RecipientType.BCC, MailAddress.of("one@example.org")),
                new Recipient(RecipientType.BCC, MailAddress.of("two@example.net"))));

        assertEquals("emile@example.org", file.sender());
        assertEquals(List.of("one@example.org", "two@example.net"), file.receivers());
        assertFalse(file.message().contains("one@example.org"), file.message());
        assertFalse(file.message().contains("two@example.net"), file.message());
        assertNull(file.parsed().getRecipients(Message.RecipientType.BCC));
    }

    @Test
    void mixedRecipientsAreAllInTheEnvelopeAndBccOnlyThere() throws Exception {
        PickedUp file = send(TestMessages.content("x", "y", List.of()).recipients());

        assertEquals(List.of("jane@example.org", "cc@example.org", "hidden@example.org"), file.receivers());
        MimeMessage parsed = file.parsed();
        assertEquals("envelope", parsed.getSubject());
        assertEquals(1, parsed.getRecipients(Message.RecipientType.TO).length);
        assertEquals(1, parsed.getRecipients(Message.RecipientType.CC).length);
        assertFalse(file.message().contains("hidden@example.org"), file.message());
    }
}
