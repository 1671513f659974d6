package dev.envoi.transport;

import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.RecipientType;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The compose → MIME → parse round trip that every accepted message must survive: the message
 * Envoi writes holds only the headers it means to (no input adds a header or a recipient), keeps
 * every line within RFC 5322's limit, and parses back to the same sender, recipients, subject,
 * body and attachments.
 */
public final class MimeRoundTrip {

    private static final Set<String> HEADERS = Set.of("date", "from", "to", "cc", "message-id", "subject", "user-agent",
            "mime-version", "content-type", "content-transfer-encoding");
    /** A reader that knows RFC 6532: messages to internationalised addresses carry UTF-8 headers. */
    private static final Session SESSION = Session.getInstance(utf8Reader());

    private MimeRoundTrip() {
    }

    private static Properties utf8Reader() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.allowutf8", "true");
        // Jakarta's strict parser refuses UTF-8 domains (IDN) that SMTPUTF8 servers take; read as they would.
        properties.setProperty("mail.mime.address.strict", "false");
        return properties;
    }

    /** Writes the content as Envoi would send it; fails with {@code context} unless it parses back whole. */
    public static void check(DraftContent content, AttachmentSource attachments, String context) throws Exception {
        OutgoingMessage outgoing = new OutgoingMessage(EntryId.random(), "<round-trip@example.org>",
                Instant.parse("2026-11-25T10:00:00Z"), content, attachments);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        new MimeAssembler().assemble(outgoing).writeTo(raw);
        byte[] bytes = raw.toByteArray();
        checkHeaderLines(bytes, context);
        MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        for (Header header : Collections.list(parsed.getAllHeaders())) {
            expect(HEADERS.contains(header.getName().toLowerCase(java.util.Locale.ROOT)),
                    "an unexpected header " + header.getName(), context);
        }
        expect(parsed.getHeader("From").length == 1, "exactly one From", context);
        expect(internet(content.from()).equals(addresses(parsed.getFrom())), "the sender: " + escape(internet(content.from()) + " became " + addresses(parsed.getFrom())), context);
        expect(internet(content.recipientsOf(RecipientType.TO)).equals(addresses(parsed.getRecipients(Message.RecipientType.TO))),
                "the To recipients: " + escape(internet(content.recipientsOf(RecipientType.TO)) + " became "
                + addresses(parsed.getRecipients(Message.RecipientType.TO))), context);
        expect(internet(content.recipientsOf(RecipientType.CC)).equals(addresses(parsed.getRecipients(Message.RecipientType.CC))),
                "the Cc recipients: " + escape(internet(content.recipientsOf(RecipientType.CC)) + " became "
                + addresses(parsed.getRecipients(Message.RecipientType.CC))), context);
        expect(parsed.getHeader("Bcc") == null, "no Bcc header", context);
        expect(content.subject().equals(parsed.getSubject() == null ? "" : parsed.getSubject()), "the subject: "
                + escape(parsed.getSubject()), context);
        checkBody(content, attachments, parsed, context);
    }

    private static void checkBody(DraftContent content, AttachmentSource source, MimeMessage parsed, String context)
            throws Exception {
        Object body = parsed.getContent();
        String text;
        if (content.attachments().isEmpty()) {
            text = (String) body;
        } else {
            Multipart parts = (Multipart) body;
            expect(parts.getCount() == 1 + content.attachments().size(), "one part per attachment", context);
            text = (String) parts.getBodyPart(0).getContent();
            for (int i = 0; i < content.attachments().size(); i++) {
                Attachment attachment = content.attachments().get(i);
                Part part = parts.getBodyPart(i + 1);
                // A name holding "=?" is sent as encoded words (issue 14, item 6), which a reader
                // decodes as Thunderbird and Outlook do; any other name comes back as it is.
                String name = part.getFileName();
                String read = name != null && name.startsWith("=?") ? MimeUtility.decodeText(name) : name;
                expect(attachment.fileName().equals(read), "the file name: " + escape(name), context);
                try (InputStream got = part.getInputStream(); InputStream want = source.open(attachment)) {
                    expect(Arrays.equals(want.readAllBytes(), got.readAllBytes()), "the attachment bytes", context);
                }
            }
        }
        // Mail has line breaks, not bare CR or LF: any of them comes back as a CRLF line break.
        expect(lines(content.body()).equals(lines(text)) || lines(content.body() + "\n").equals(lines(text)),
                "the body: " + escape(text), context);
    }

    private static void checkHeaderLines(byte[] message, String context) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        String headers = text.substring(0, Math.max(0, text.indexOf("\r\n\r\n")));
        for (String line : headers.split("\r\n", -1)) {
            expect(line.indexOf('\r') < 0 && line.indexOf('\n') < 0, "no bare CR or LF in the header", context);
            expect(line.length() <= 998, "header lines within 998 characters", context);
        }
    }

    private static String lines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> internet(List<MailAddress> addresses) {
        return addresses.stream().map(a -> a.address() + " | " + (a.hasDisplayName() ? a.displayName() : null)).toList();
    }

    private static List<String> internet(MailAddress address) {
        return internet(List.of(address));
    }

    /** Address and personal name both (InternetAddress.equals looks at the address only). */
    private static List<String> addresses(Address[] parsed) {
        List<String> list = new ArrayList<>();
        if (parsed != null) {
            for (Address a : parsed) {
                InternetAddress ia = (InternetAddress) a;
                list.add(ia.getAddress() + " | " + ia.getPersonal());
            }
        }
        return list;
    }

    private static void expect(boolean condition, String what, String context) {
        if (!condition) {
            throw new AssertionError("MIME round trip lost " + what + " (" + context + ")");
        }
    }

    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(600).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u{%x}", c)
                : Character.toString(c)));
        return out.toString();
    }
}
