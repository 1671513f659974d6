package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.Attachment;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.TextControls;
import dev.envoi.i18n.VisibleText;
import java.util.ArrayList;
import java.util.List;
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
        if (!content.unparsed().isEmpty()) {
            // Typed as a recipient but no address: sent without it, the message would miss someone.
            throw new StoreException(WORDS.get("submit.unparsed", VisibleText.of(content.unparsed().get(0).text())));
        }
        if (!content.hasRecipients()) {
            throw new NoRecipientsException(WORDS.get("submit.noRecipient"));
        }
        if (content.from() == null) {
            throw new StoreException(WORDS.get("submit.noSender"));
        }
        String hidden = hiddenControl(content);
        if (hidden != null) {
            // Text an older Envoi let in loads and stays intact, but does not leave as it is: the
            // user removes the character (shown visibly) and sends again; nothing is lost.
            throw new StoreException(WORDS.get("submit.hiddenControl", hidden));
        }
        return new SubmitCheck(content, contentHash);
    }

    /** "U+202E in the file name ...": the first character a new message may not carry, or null. */
    private static String hiddenControl(DraftContent content) {
        String inSubject = TextControls.problemInSubject(content.subject());
        if (inSubject != null) {
            return WORDS.get("submit.hidden.subject", inSubject);
        }
        List<MailAddress> people = new ArrayList<>();
        people.add(content.from());
        content.recipients().forEach(r -> people.add(r.address()));
        for (MailAddress person : people) {
            int bidi = TextControls.firstBidiIn(person.displayName());
            if (bidi >= 0) {
                return WORDS.get("submit.hidden.name", TextControls.describe(bidi),
                        VisibleText.of(person.toDisplayString()));
            }
        }
        for (Attachment attachment : content.attachments()) {
            int bidi = TextControls.firstBidiIn(attachment.fileName());
            if (bidi >= 0) {
                return WORDS.get("submit.hidden.file", TextControls.describe(bidi),
                        VisibleText.of(attachment.fileName()));
            }
        }
        return null;
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
