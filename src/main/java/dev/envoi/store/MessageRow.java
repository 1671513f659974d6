package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlags;

/** The columns of one message row that decide what may happen to it. */
record MessageRow(long rowId, EntryId entryId, Folder folder, MessageFlags flags, String state, Long handedOffAt,
                  String contentHash, String messageId, String returnReason, String refused) {

    boolean isHandedOff() {
        return handedOffAt != null;
    }
}
