package dev.envoi.store;

import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import java.time.Instant;

/**
 * A copy due to go to the server's Sent folder: the sent message's content, Message-ID and submit
 * time (from which its bytes are made again exactly as they were sent), the account whose IMAP
 * server takes it, and its failures so far ({@code failingSince} null while none failed).
 */
public record SentCopyJob(long key, EntryId sentId, String account, String messageId, Instant submittedAt, DraftContent content,
                          int attempts, Instant failingSince) {
}
