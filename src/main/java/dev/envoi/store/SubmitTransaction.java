package dev.envoi.store;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import dev.envoi.message.Recipient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one transaction of a submit: into the outbox with SUBMIT set, a Message-ID, a due time and
 * the account it goes through (null: none chosen, the profile has no account).
 */
final class SubmitTransaction {

    private SubmitTransaction() {
    }

    static EntryId run(Connection c, MessageRow row, DraftContent content, Instant now, Instant due, String account)
            throws SQLException {
        List<Recipient> unique = Submission.withoutDuplicates(content.recipients());
        DraftContent queued = content.withRecipients(unique);
        MessageFlags flags = row.flags().with(MessageFlag.SUBMIT).with(MessageFlag.UNSENT).without(MessageFlag.UNMODIFIED);
        if (unique.size() != content.recipients().size()) {
            MessageTable.updateContent(c, row.rowId(), queued, flags, now.toEpochMilli());
        }
        EntryId queuedId = MessageTable.move(c, row.rowId(), Folder.OUTBOX, QueueState.QUEUED, flags,
                now.toEpochMilli());
        String messageId = row.messageId() != null ? row.messageId() : newMessageId(content);
        Database.update(c, """
                UPDATE message SET message_id = ?, submitted_at = ?, due_at = ?, attempts = 0,
                  first_failure_at = NULL, last_error = NULL, handed_off_at = NULL, return_reason = NULL,
                  refused_recipients = NULL, account = ?
                WHERE id = ?""", messageId, now.toEpochMilli(), due.toEpochMilli(), account, row.rowId());
        for (Recipient recipient : unique) {
            AddressBook.recordUse(c, recipient.address(), now.toEpochMilli());
        }
        return queuedId;
    }

    /** A Message-ID unique in the world: a random UUID at the sender's domain. */
    private static String newMessageId(DraftContent content) {
        String address = content.from().address();
        String domain = java.net.IDN.toASCII(address.substring(address.lastIndexOf('@') + 1));
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }
}
