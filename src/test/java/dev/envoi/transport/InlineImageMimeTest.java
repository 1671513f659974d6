package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DraftContent;
import dev.envoi.message.rich.Block;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The edges of inline images in what is sent (issue 20): nothing lost, no dangling cid. */
class InlineImageMimeTest {

    private final TestMessages messages = new TestMessages();

    private MimeMessage sent(DraftContent content) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new MimeAssembler().assemble(messages.outgoing(content)).writeTo(raw);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    }

    private static DraftContent withImage(Attachment image, List<Attachment> attached, boolean plainTextOnly) {
        RichDocument document = new RichDocument(List.of(Block.plain("Here:"), Block.image(image.sha256(), image.fileName())));
        return TestMessages.content("Image", document.plainText(), attached)
                .withBody(document.plainText(), new BodyFormatting(HtmlWriter.fragment(document), plainTextOnly));
    }

    @Test
    void anImageOnlyInTheBodyMakesNoMultipartMixed() throws Exception {
        Attachment image = messages.attachment("dot.png", "image/png", new byte[] {1, 2, 3});
        MimeMessage mail = sent(withImage(image, List.of(image), false));
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        Multipart related = (Multipart) ((Multipart) mail.getContent()).getBodyPart(1).getContent();
        assertEquals(2, related.getCount());
        assertEquals(Part.INLINE, related.getBodyPart(1).getDisposition());
    }

    @Test
    void anImageWhoseFileWasRemovedGoesAsItsWordsOnly() throws Exception {
        Attachment image = messages.attachment("dot.png", "image/png", new byte[] {1, 2, 3});
        MimeMessage mail = sent(withImage(image, List.of(), false));
        Multipart alternative = (Multipart) mail.getContent();
        assertTrue(alternative.getBodyPart(1).isMimeType("text/html"));
        String html = (String) alternative.getBodyPart(1).getContent();
        assertFalse(html.contains("cid:"), html);
        assertTrue(html.contains("[image: dot.png]"), html);
    }

    @Test
    void withPlainTextOnlyTheImageIsAnAttachment() throws Exception {
        Attachment image = messages.attachment("dot.png", "image/png", new byte[] {1, 2, 3});
        MimeMessage mail = sent(withImage(image, List.of(image), true));
        assertTrue(mail.isMimeType("multipart/mixed"), mail.getContentType());
        Multipart mixed = (Multipart) mail.getContent();
        assertTrue(mixed.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("dot.png", mixed.getBodyPart(1).getFileName());
        assertEquals(Part.ATTACHMENT, mixed.getBodyPart(1).getDisposition());
    }
}
