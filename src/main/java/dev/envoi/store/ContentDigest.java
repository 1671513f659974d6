package dev.envoi.store;

import dev.envoi.message.Attachment;
import dev.envoi.message.BodyFormatting;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The integrity hash of a message: SHA-256 over every field, each length-prefixed so that no two
 * different messages share an encoding. Stored at save, checked at submit and before transfer.
 */
final class ContentDigest {

    private ContentDigest() {
    }

    static String of(DraftContent content) {
        MessageDigest digest = Sha256.newDigest();
        MailAddress from = content.from();
        field(digest, from == null ? "" : from.displayName());
        field(digest, from == null ? "" : from.address());
        field(digest, content.subject());
        field(digest, content.body());
        number(digest, content.recipients().size());
        for (Recipient r : content.recipients()) {
            field(digest, r.type().name());
            field(digest, r.address().displayName());
            field(digest, r.address().address());
        }
        number(digest, content.attachments().size());
        for (Attachment a : content.attachments()) {
            field(digest, a.fileName());
            field(digest, a.mediaType());
            number(digest, a.size());
            field(digest, a.sha256());
        }
        requests(digest, content.deliveryRequests());
        formatting(digest, content.formatting());
        return Sha256.hex(digest);
    }

    /**
     * Appended only when something is asked, so a message without requests keeps the hash that
     * schema version 3 stored for it. The encoding before this point is self-delimiting, so the
     * longer input of a message with requests can never be that of one without.
     */
    private static void requests(MessageDigest digest, DeliveryRequests requests) {
        if (requests.isNone()) {
            return;
        }
        field(digest, "delivery-requests");
        number(digest, requests.notifyDelivery() ? 1 : 0);
        number(digest, requests.readReceipt() ? 1 : 0);
    }

    /** Appended only for a formatted or plain-text-only body: older messages keep their hash, as above. */
    private static void formatting(MessageDigest digest, BodyFormatting formatting) {
        if (formatting.isNone()) {
            return;
        }
        field(digest, "body-formatting");
        field(digest, formatting.html());
        number(digest, formatting.plainTextOnly() ? 1 : 0);
    }

    private static void field(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        number(digest, bytes.length);
        digest.update(bytes);
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(value).array());
    }
}
