package dev.envoi.transport;

import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Outgoing messages for transport tests, with attachments held in memory by their hash. */
final class TestMessages implements AttachmentSource {

    private final Map<String, byte[]> bytes = new HashMap<>();

    Attachment attachment(String name, String mediaType, byte[] data) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            bytes.put(sha, data);
            return new Attachment(name, mediaType, data.length, sha);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public java.io.InputStream open(Attachment attachment) throws IOException {
        byte[] data = bytes.get(attachment.sha256());
        if (data == null) {
            throw new IOException("The attachment \"" + attachment.fileName() + "\" is missing");
        }
        return new ByteArrayInputStream(data);
    }

    static DraftContent content(String subject, String body, List<Attachment> attachments) {
        return new DraftContent(new MailAddress("Émile Envoi", "emile@example.org"), List.of(
                new Recipient(RecipientType.TO, new MailAddress("Doe, Jane", "jane@example.org")),
                new Recipient(RecipientType.CC, MailAddress.of("cc@example.org")),
                new Recipient(RecipientType.BCC, MailAddress.of("hidden@example.org"))),
                subject, body, attachments);
    }

    OutgoingMessage outgoing(DraftContent content) {
        return new OutgoingMessage(EntryId.random(), "<" + java.util.UUID.randomUUID() + "@example.org>",
                Instant.parse("2026-11-24T09:30:00Z"), content, this);
    }
}
