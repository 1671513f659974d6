package dev.envoi.transport;

import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The envelope at the top of a pickup file, in the form IIS and Exchange pickup directories read:
 * one {@code X-Sender:} line, then one {@code X-Receiver:} line per recipient (Bcc included), then
 * the message. The reader takes the envelope from these lines and removes them, so every
 * recipient is reached while the message's own headers never name a Bcc recipient. Without them
 * a reader takes the recipients from To and Cc, and the Bcc ones are lost.
 */
final class PickupEnvelope {

    private PickupEnvelope() {
    }

    static void write(DraftContent content, OutputStream out) throws IOException {
        StringBuilder lines = new StringBuilder();
        lines.append("X-Sender: ").append(content.from().address()).append("\r\n");
        for (MailAddress recipient : MimeAssembler.envelopeRecipients(content)) {
            lines.append("X-Receiver: ").append(recipient.address()).append("\r\n");
        }
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
}
