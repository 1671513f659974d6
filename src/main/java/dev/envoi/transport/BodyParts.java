package dev.envoi.transport;

import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DraftContent;
import dev.envoi.message.rich.FlowedWriter;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import java.nio.charset.StandardCharsets;

/**
 * The text of a message (issue 20): with no formatting, one UTF-8 text/plain part as before;
 * with formatting, {@code multipart/alternative} of {@code text/plain; format=flowed} and
 * {@code text/html}, both written from one model, so the two say the same; with formatting and
 * "plain text only", the flowed plain part alone.
 */
final class BodyParts {

    static final String FLOWED = "text/plain; charset=UTF-8; format=flowed";
    static final String HTML = "text/html; charset=UTF-8";

    private BodyParts() {
    }

    /** Fills {@code part} (the message, or the first part of a multipart/mixed) with the body. */
    static void fill(MimePart part, DraftContent content, String boundary) throws MessagingException {
        BodyFormatting formatting = content.formatting();
        if (!formatting.isFormatted()) {
            part.setText(MimeAssembler.canonicalLines(content.body()), StandardCharsets.UTF_8.name(), "plain");
            return;
        }
        RichDocument document = HtmlReader.readStored(formatting.html());
        String plain = FlowedWriter.write(document);
        if (formatting.plainTextOnly()) {
            part.setContent(plain, FLOWED);
            return;
        }
        MimeMultipart alternative = new AlternativeMultipart(boundary);
        MimeBodyPart plainPart = new MimeBodyPart();
        plainPart.setContent(plain, FLOWED);
        alternative.addBodyPart(plainPart);
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setContent(MimeAssembler.canonicalLines(HtmlWriter.message(document)), HTML);
        alternative.addBodyPart(htmlPart);
        part.setContent(alternative);
    }

    /** A multipart/alternative with the boundary given: the same message assembled twice has the same bytes. */
    private static final class AlternativeMultipart extends MimeMultipart {
        AlternativeMultipart(String boundary) {
            super("alternative");
            ContentType type = new ContentType("multipart", "alternative", null);
            type.setParameter("boundary", boundary);
            contentType = type.toString();
        }
    }
}
