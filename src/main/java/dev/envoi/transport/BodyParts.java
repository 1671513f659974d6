package dev.envoi.transport;

import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DraftContent;
import dev.envoi.message.rich.FlowedWriter;
import dev.envoi.message.rich.HtmlWriter;
import dev.envoi.message.rich.RichDocument;
import dev.envoi.richtext.HtmlReader;
import dev.envoi.message.Attachment;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import java.nio.charset.StandardCharsets;

/**
 * The text of a message (issue 20): with no formatting, one UTF-8 text/plain part as before;
 * with formatting, {@code multipart/alternative} of {@code text/plain; format=flowed} and
 * {@code text/html}, both written from one model, so the two say the same; with formatting and
 * "plain text only", the flowed plain part alone. Inline images make the HTML side a
 * {@code multipart/related} of the HTML and the images, each with its Content-ID, inline.
 */
final class BodyParts {

    static final String FLOWED = "text/plain; charset=UTF-8; format=flowed";
    static final String HTML = "text/html; charset=UTF-8";

    private BodyParts() {
    }

    /**
     * Fills {@code part} (the message, or the first part of a multipart/mixed) with the body; the
     * inline images' bytes are read from {@code source} only while the message is written. A
     * formatted body's boundaries are drawn from {@code boundarySeed}, only when there is one.
     */
    static void fill(MimePart part, DraftContent content, InlineImages images, AttachmentSource source,
                     String boundarySeed) throws MessagingException {
        BodyFormatting formatting = content.formatting();
        if (!formatting.isFormatted()) {
            String text = MimeAssembler.canonicalLines(content.body());
            part.setText(text, StandardCharsets.UTF_8.name(), "plain");
            TextTransferEncoding.set(part, text);
            return;
        }
        RichDocument document = images.document() != null ? images.document() : HtmlReader.readStored(formatting.html());
        String plain = FlowedWriter.write(document);
        if (formatting.plainTextOnly()) {
            part.setContent(plain, FLOWED);
            TextTransferEncoding.set(part, plain);
            return;
        }
        String boundary = MimeAssembler.alternativeBoundary(boundarySeed);
        MimeMultipart alternative = new BoundaryMultipart("alternative", boundary);
        MimeBodyPart plainPart = new MimeBodyPart();
        plainPart.setContent(plain, FLOWED);
        TextTransferEncoding.set(plainPart, plain);
        alternative.addBodyPart(plainPart);
        MimeBodyPart htmlPart = new MimeBodyPart();
        String html = MimeAssembler.canonicalLines(HtmlWriter.message(document));
        htmlPart.setContent(html, HTML);
        TextTransferEncoding.set(htmlPart, html);
        if (images.inline().isEmpty()) {
            alternative.addBodyPart(htmlPart);
        } else {
            alternative.addBodyPart(related(htmlPart, images, source, boundary));
        }
        part.setContent(alternative);
    }

    /** RFC 2387: the HTML part first (the root), then each image it refers to by Content-ID. */
    private static MimeBodyPart related(MimeBodyPart htmlPart, InlineImages images, AttachmentSource source,
                                        String boundary) throws MessagingException {
        MimeMultipart related = new BoundaryMultipart("related", boundary + "_related");
        related.addBodyPart(htmlPart);
        for (Attachment image : images.inline()) {
            // Streamed from the vault as base64 lines, as attachments are (MimeAssembler).
            MimeBodyPart part = new PreencodedMimeBodyPart("base64");
            part.setDataHandler(new VaultDataHandler(new VaultDataSource(image, source)));
            part.setFileName(EncodedWords.looksEncoded(image.fileName())
                    ? EncodedWords.encode(image.fileName()) : image.fileName());
            part.setDisposition(Part.INLINE);
            part.setContentID("<" + HtmlWriter.contentId(image.sha256()) + ">");
            part.setHeader("Content-Transfer-Encoding", "base64");
            related.addBodyPart(part);
        }
        MimeBodyPart holder = new MimeBodyPart();
        holder.setContent(related);
        return holder;
    }
}
