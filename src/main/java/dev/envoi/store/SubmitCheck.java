package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The integrity check of MAPI's SubmitMessage: the stored fields still hash to what the last
 * save recorded, and every attachment in the vault still has its size and hash.
 */
record SubmitCheck(DraftContent content, String contentHash) {

    private static final Sentences WORDS = Sentences.of(SubmitCheck.class);

    static SubmitCheck load(Connection c, MessageRow row) throws SQLException {
        DraftContent content = MessageTable.loadContent(c, row.rowId());
        if (!ContentDigest.of(content).equals(row.contentHash())) {
            throw new CorruptDataException(WORDS.get("submit.contentChanged"));
        }
        return checked(content, row.contentHash());
    }

    /** The check of content about to be written from an open handle. */
    static SubmitCheck of(DraftContent content) {
        return checked(content, ContentDigest.of(content));
    }

    private static SubmitCheck checked(DraftContent content, String contentHash) {
        if (!content.hasRecipients()) {
            throw new NoRecipientsException(WORDS.get("submit.noRecipient"));
        }
        if (content.from() == null) {
            throw new StoreException(WORDS.get("submit.noSender"));
        }
        return new SubmitCheck(content, contentHash);
    }

    void verify(AttachmentVault vault) {
        for (Attachment attachment : content.attachments()) {
            try {
                vault.verify(attachment);
            } catch (CorruptAttachmentException e) {
                throw new CorruptDataException(WORDS.get("submit.attachmentDamaged", e.getMessage()), e);
            }
        }
    }
}
