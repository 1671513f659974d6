package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A line of the Drafts or Sent list. {@code account} is the account the message was submitted
 * with (what a Sent message went through); empty for a message that never had one.
 */
public record MessageSummary(EntryId id, String subject, List<MailAddress> to, long size, Instant modifiedAt,
                             String returnReason, String messageId, Optional<String> account) {
}
