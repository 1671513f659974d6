package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.PreencodedMimeBodyPart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the RFC 5322 message for an outgoing message: Date, From, To, Cc (never Bcc), the kept
 * Message-ID, RFC 2047 encoded words for non-ASCII subjects and names, RFC 2231 file names, a
 * UTF-8 text body, and base64 attachments streamed from the vault when the message is written.
 */
public final class MimeAssembler {

    private static final Sentences WORDS = Sentences.of(MimeAssembler.class);

    private static final String USER_AGENT = "Envoi";
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 finds its stream provider with a ServiceLoader scan of every jar, again
        // for each encoded header and body part (jakartaee/mail-api#861): a quarter of the
        // spooler's CPU per message. Named here, each lookup is a class already loaded.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final Session asciiSession = Session.getInstance(properties(false));
    private final Session utf8Session = Session.getInstance(properties(true));

    private static Properties properties(boolean allowUtf8) {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.encodeparameters", "true");
        properties.setProperty("mail.mime.encodefilename", "false");
        properties.setProperty("mail.mime.splitlongparameters", "true");
        properties.setProperty("mail.mime.allowutf8", Boolean.toString(allowUtf8));
        return properties;
    }

    /** The message, ready for {@code writeTo}; attachment bytes are read only while it is written. */
    public MimeMessage assemble(OutgoingMessage outgoing) throws MessagingException {
        DraftContent content = outgoing.content();
        boolean utf8 = needsUtf8Headers(content);
        MimeMessage message = new KeptIdMessage(utf8 ? utf8Session : asciiSession, outgoing.messageId());
        message.setFrom(internetAddress(content.from()));
        setRecipients(message, Message.RecipientType.TO, content.recipientsOf(RecipientType.TO));
        setRecipients(message, Message.RecipientType.CC, content.recipientsOf(RecipientType.CC));
        if (LongWordSubject.needsEncoding(content.subject()) || EncodedWords.looksEncoded(content.subject())) {
            message.setHeader("Subject", LongWordSubject.encode(content.subject()));
        } else {
            message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        }
        message.setSentDate(Date.from(outgoing.submittedAt()));
        message.setHeader("User-Agent", USER_AGENT);
        if (outgoing.options().readReceipt()) {
            // RFC 8098: the receipt goes to the sender's own address.
            message.setHeader("Disposition-Notification-To", internetAddress(content.from()).toString());
        }
        InlineImages images = InlineImages.of(content);
        if (images.attached().isEmpty()) {
            BodyParts.fill(message, content, images, outgoing.attachments(), outgoing.messageId());
        } else {
            message.setContent(multipart(content, images, outgoing.attachments(), boundaryFor(outgoing.messageId())));
        }
        message.saveChanges();
        return message;
    }

    /** As {@link #assemble}, for a transport: a message that cannot be put in mail form is refused for good. */
    public MimeMessage assembleForSending(OutgoingMessage outgoing) throws PermanentFailureException {
        try {
            return assemble(outgoing);
        } catch (MessagingException e) {
            throw new PermanentFailureException(WORDS.get("mime.failed", e.getMessage()), List.of(), e);
        }
    }

    /** Everyone the message goes to, Bcc included, each address once, in order. */
    public static List<MailAddress> envelopeRecipients(DraftContent content) {
        Map<String, MailAddress> unique = new LinkedHashMap<>();
        for (Recipient recipient : content.recipients()) {
            unique.putIfAbsent(recipient.address().address().toLowerCase(Locale.ROOT), recipient.address());
        }
        return List.copyOf(unique.values());
    }

    /** About how many bytes the written message takes (base64 grows attachments by a third). */
    public static long estimatedSize(DraftContent content) {
        long body = (content.body().getBytes(StandardCharsets.UTF_8).length
                + content.formatting().html().getBytes(StandardCharsets.UTF_8).length) * 2L;
        long attachments = content.attachments().stream().mapToLong(a -> a.size() / 3 * 4 + a.size() / 57 * 2 + 400).sum();
        return 2048 + body + attachments;
    }

    public static InternetAddress internetAddress(MailAddress address) throws MessagingException {
        if (address.hasDisplayName() && EncodedWords.looksEncoded(address.displayName())) {
            return new EncodedNameAddress(address.address(), EncodedWords.encode(address.displayName()));
        }
        try {
            return new InternetAddress(address.address(), address.hasDisplayName() ? address.displayName() : null,
                    StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is missing from this Java runtime", e);
        }
    }

    private static boolean needsUtf8Headers(DraftContent content) {
        return content.from().needsUtf8() || content.recipients().stream().anyMatch(r -> r.address().needsUtf8());
    }

    private static void setRecipients(MimeMessage message, Message.RecipientType type, List<MailAddress> addresses)
            throws MessagingException {
        if (addresses.isEmpty()) {
            return;
        }
        List<InternetAddress> list = new ArrayList<>();
        for (MailAddress address : addresses) {
            list.add(internetAddress(address));
        }
        message.setRecipients(type, list.toArray(new InternetAddress[0]));
    }

    /**
     * One line end, CRLF, before encoding: a lone CR or LF would pass through 7bit and 8bit as is,
     * and readers split such lines differently (some not at all).
     */
    static String canonicalLines(String text) {
        // One pass by hand: a regular expression's replaceAll was a quarter of the assembly's time
        // for a 10 KB body (issue 21's hand-off profile). A text already in CRLF comes back as is.
        StringBuilder out = null;
        int copied = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '\r' || c == '\n') {
                if (out == null) {
                    out = new StringBuilder(length + length / 32 + 16);
                }
                out.append(text, copied, i).append("\r\n");
                copied = i + 1;
            }
        }
        return out == null ? text : out.append(text, copied, length).toString();
    }

    /**
     * The sender's own copy, for the server's Sent folder: the message as {@link #assemble} makes it
     * for sending, with the Bcc header kept (a transport never sends it; the sender's copy shows it).
     */
    public MimeMessage assembleSenderCopy(OutgoingMessage outgoing) throws MessagingException {
        MimeMessage message = assemble(outgoing);
        setRecipients(message, Message.RecipientType.BCC, outgoing.content().recipientsOf(RecipientType.BCC));
        return message;
    }

    /**
     * A boundary drawn from the Message-ID rather than at random, so the message assembled again
     * (a retry, the copy for the Sent folder after a restart) has the same bytes as the first time.
     * "=_" cannot occur in base64 or quoted-printable text, which keeps it out of encoded parts.
     */
    static String boundaryFor(String messageId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "----=_Envoi_" + java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The boundary of a formatted body's multipart/alternative, apart from the outer one. */
    static String alternativeBoundary(String seed) {
        return boundaryFor(seed + "/alternative");
    }

    private static MimeMultipart multipart(DraftContent content, InlineImages images, AttachmentSource source,
                                           String boundary) throws MessagingException {
        MimeMultipart multipart = new KeptBoundaryMultipart(boundary);
        MimeBodyPart text = new MimeBodyPart();
        BodyParts.fill(text, content, images, source, boundary);
        multipart.addBodyPart(text);
        for (Attachment attachment : images.attached()) {
            // Base64 already (VaultDataSource), so Jakarta Mail does not encode it again.
            MimeBodyPart part = new PreencodedMimeBodyPart("base64");
            part.setDataHandler(new VaultDataHandler(new VaultDataSource(attachment, source)));
            // A name holding "=?" goes as encoded words, which a reader decodes back to exactly it.
            part.setFileName(EncodedWords.looksEncoded(attachment.fileName())
                    ? EncodedWords.encode(attachment.fileName()) : attachment.fileName());
            part.setDisposition(Part.ATTACHMENT);
            // Said here too: without the header, saveChanges would read the whole file to choose one.
            part.setHeader("Content-Transfer-Encoding", "base64");
            multipart.addBodyPart(part);
        }
        return multipart;
    }

    /** A multipart/mixed with the boundary given, not a random one. */
    private static final class KeptBoundaryMultipart extends MimeMultipart {
        KeptBoundaryMultipart(String boundary) {
            super("mixed");
            ContentType type = new ContentType("multipart", "mixed", null);
            type.setParameter("boundary", boundary);
            contentType = type.toString();
        }
    }

    /**
     * An address whose display name is written as the encoded words given, in ASCII and in UTF-8
     * messages alike (Jakarta Mail would write an ASCII name as it is, and a reader would decode
     * the {@code =?...?=} in it).
     */
    private static final class EncodedNameAddress extends InternetAddress {
        EncodedNameAddress(String address, String encodedName) {
            this.address = address;
            this.personal = encodedName;
            this.encodedPersonal = encodedName;
        }
    }

    /** A MimeMessage whose Message-ID survives saveChanges, so every retry carries the same one. */
    private static final class KeptIdMessage extends MimeMessage {
        private final String messageId;

        KeptIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
