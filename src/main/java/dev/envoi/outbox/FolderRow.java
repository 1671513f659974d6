package dev.envoi.outbox;

import dev.envoi.message.EntryId;

/** A line of the Drafts or Sent list, in the user's language. */
public record FolderRow(EntryId id, String subject, String recipients, String size, String when, String note) {
}
