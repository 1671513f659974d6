package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The "-- " line above a signature reaches the recipient with its trailing space (RFC 3676 section 4.3). */
class SignatureDelimiterMimeTest {

    @Test
    void theDelimiterKeepsItsTrailingSpaceThroughTheMimeEncoding() throws Exception {
        for (String body : List.of("Hi Ann,\n\n-- \nEmile", "Bonjour Anne,\n\n-- \nÉmile Envoi\nTél. 06 12 34 56 78")) {
            DraftContent content = new DraftContent(MailAddress.of("emile@example.org"),
                    List.of(new Recipient(RecipientType.TO, MailAddress.of("ann@example.org"))), "Signed", body, List.of());
            OutgoingMessage outgoing = new OutgoingMessage(EntryId.random(), "<signed@example.org>",
                    Instant.parse("2026-12-06T10:00:00Z"), content, new TestMessages());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            new MimeAssembler().assemble(outgoing).writeTo(raw);
            MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.toByteArray()));
            assertEquals(body.replace("\n", "\r\n"), parsed.getContent().toString());
        }
    }
}
