package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Attachments are read once, while the message is written: never to assemble it, never whole. */
class MimeAssemblerAttachmentTest {

    @Test
    void anAttachmentIsReadOnlyWhenTheMessageIsWrittenAndArrivesIdentical() throws Exception {
        TestMessages messages = new TestMessages();
        byte[] data = new byte[200_000];
        new Random(5).nextBytes(data);
        Attachment attachment = messages.attachment("data.bin", "application/octet-stream", data);
        AtomicInteger opened = new AtomicInteger();
        OutgoingMessage outgoing = messages.outgoing(TestMessages.content("file", "See attached.", List.of(attachment)));
        OutgoingMessage counted = new OutgoingMessage(outgoing.id(), outgoing.messageId(), outgoing.submittedAt(),
                outgoing.content(), a -> {
                    opened.incrementAndGet();
                    return messages.open(a);
                });
        MimeMessage message = new MimeAssembler().assemble(counted);
        assertEquals(0, opened.get(), "assembling (saveChanges) does not read the file to choose an encoding");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);
        assertEquals(1, opened.get());
        MimeMessage parsed = new MimeMessage(null, new java.io.ByteArrayInputStream(written.toByteArray()));
        MimeBodyPart part = (MimeBodyPart) ((MimeMultipart) parsed.getContent()).getBodyPart(1);
        assertEquals("base64", part.getEncoding());
        assertEquals("data.bin", part.getFileName());
        try (InputStream in = part.getInputStream()) {
            assertTrue(java.util.Arrays.equals(data, in.readAllBytes()), "decoded bytes equal the original");
        }
    }
}
