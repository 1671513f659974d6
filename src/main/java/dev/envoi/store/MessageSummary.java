package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import java.time.Instant;
import java.util.List;

/** A line of the Drafts or Sent list. */
public record MessageSummary(EntryId id, String subject, List<MailAddress> to, long size, Instant modifiedAt,
                             String returnReason, String messageId) {
}
