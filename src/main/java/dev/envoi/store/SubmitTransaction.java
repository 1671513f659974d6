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
        MessageFlags flags = queuedFlags(row.flags());
        if (unique.size() != content.recipients().size()) {
            MessageTable.updateContent(c, row.rowId(), queued, flags, now.toEpochMilli());
        }
        String messageId = row.messageId() != null ? row.messageId() : newMessageId(content);
        EntryId queuedId = MessageTable.queue(c, row.rowId(), flags, now.toEpochMilli(),
                new Queueing(messageId, now.toEpochMilli(), due.toEpochMilli(), account));
        recordUses(c, unique, now);
        return queuedId;
    }

    /**
     * A draft never saved goes straight into the outbox: one row under one id, each index entry
     * written once. Saving it into Drafts first and moving it wrote the folder and queue indexes
     * twice, on pages apart once the folders are full (issue 21: 27 pages a commit against 20).
     * Its Drafts id was never handed out, so no one can miss it.
     */
    static EntryId runUnsaved(Connection c, MessageFlags draftFlags, DraftContent content, Instant now, Instant due,
                              String account) throws SQLException {
        List<Recipient> unique = Submission.withoutDuplicates(content.recipients());
        EntryId queuedId = EntryId.timeOrdered(now.toEpochMilli());
        MessageTable.insert(c, queuedId, content.withRecipients(unique), queuedFlags(draftFlags), now.toEpochMilli(),
                new Queueing(newMessageId(content), now.toEpochMilli(), due.toEpochMilli(), account));
        recordUses(c, unique, now);
        return queuedId;
    }

    private static MessageFlags queuedFlags(MessageFlags draftFlags) {
        return draftFlags.with(MessageFlag.SUBMIT).with(MessageFlag.UNSENT).without(MessageFlag.UNMODIFIED);
    }

    private static void recordUses(Connection c, List<Recipient> recipients, Instant now) throws SQLException {
        for (Recipient recipient : recipients) {
            AddressBook.recordUse(c, recipient.address(), now.toEpochMilli());
        }
    }

    /** A Message-ID unique in the world: a random UUID at the sender's domain. */
    private static String newMessageId(DraftContent content) {
        String address = content.from().address();
        String domain = java.net.IDN.toASCII(address.substring(address.lastIndexOf('@') + 1));
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }
}
