package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DraftContent;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.message.rich.Samples;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What is sent for a formatted body (issue 20), assembled and parsed back with Jakarta Mail. */
class RichBodyMimeTest {

    private final TestMessages messages = new TestMessages();

    static DraftContent formatted(RichDocument document, boolean plainTextOnly) {
        return TestMessages.content("Formatted", document.plainText(), List.of())
                .withBody(document.plainText(), new BodyFormatting(HtmlWriter.fragment(document), plainTextOnly));
    }

    private MimeMessage sent(DraftContent content) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new MimeAssembler().assemble(messages.outgoing(content)).writeTo(raw);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    }

    @Test
    void aFormattedBodyGoesAsFlowedTextAndHtmlAlternatives() throws Exception {
        MimeMessage mail = sent(formatted(Samples.everything(), false));
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        Multipart alternatives = (Multipart) mail.getContent();
        assertEquals(2, alternatives.getCount());
        BodyPart plain = alternatives.getBodyPart(0);
        assertTrue(plain.getContentType().replace(" ", "").toLowerCase().contains("format=flowed"), plain.getContentType());
        assertTrue(plain.isMimeType("text/plain"));
        assertTrue(((String) plain.getContent()).contains("* bread"));
        BodyPart html = alternatives.getBodyPart(1);
        assertTrue(html.isMimeType("text/html"), html.getContentType());
        assertTrue(((String) html.getContent()).contains("<b>Jane</b>"));
    }

    @Test
    void anUnformattedBodyStaysOnePlainPart() throws Exception {
        MimeMessage mail = sent(TestMessages.content("Plain", "Just words.\nTwo lines.", List.of()));
        assertTrue(mail.isMimeType("text/plain"));
        assertTrue(!mail.getContentType().contains("flowed"), mail.getContentType());
        assertEquals("Just words.\r\nTwo lines.", ((String) mail.getContent()).strip());
    }

    @Test
    void plainTextOnlySendsTheFlowedPartAlone() throws Exception {
        MimeMessage mail = sent(formatted(Samples.everything(), true));
        assertTrue(mail.isMimeType("text/plain"), mail.getContentType());
        assertTrue(mail.getContentType().contains("format=flowed"), mail.getContentType());
        assertTrue(((String) mail.getContent()).contains("1. first"));
    }

    @Test
    void theHtmlPartIsAtMostThreeTimesThePlainPart() throws Exception {
        // A realistic letter: paragraphs with a few marks, a list, a quote and a link.
        RichDocument letter = Samples.everything();
        List<dev.envoi.message.rich.Block> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            blocks.addAll(letter.blocks());
            blocks.add(Samples.block(dev.envoi.message.rich.BlockKind.PARAGRAPH, 0, Samples.plain(
                    "A longer paragraph of ordinary words, the kind most of a message is made of, with no marks at all "
                            + "in it, written on and on as people write to each other.")));
        }
        MimeMessage mail = sent(formatted(new RichDocument(blocks), false));
        Multipart alternatives = (Multipart) mail.getContent();
        int plainBytes = ((String) alternatives.getBodyPart(0).getContent()).getBytes(StandardCharsets.UTF_8).length;
        int htmlBytes = ((String) alternatives.getBodyPart(1).getContent()).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(htmlBytes <= 3 * plainBytes, "html " + htmlBytes + " bytes, plain " + plainBytes);
    }

    @Test
    void withAttachmentsTheAlternativesComeFirstInTheMixedPart() throws Exception {
        var file = messages.attachment("notes.txt", "text/plain", "notes".getBytes(StandardCharsets.UTF_8));
        MimeMessage mail = sent(formatted(Samples.everything(), false).withAttachments(List.of(file)));
        Multipart mixed = (Multipart) mail.getContent();
        assertTrue(mixed.getBodyPart(0).isMimeType("multipart/alternative"));
        assertEquals("notes.txt", mixed.getBodyPart(1).getFileName());
    }
}
