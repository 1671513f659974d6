package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import java.time.Instant;
import java.util.List;

/** A sent message whose copy to the server's Sent folder is pending or failed, for the outbox. */
public record SentCopyEntry(EntryId sentId, String subject, List<MailAddress> to, String messageId, String account,
                            SentCopyState state, int attempts, Instant dueAt, String lastError) {
}
