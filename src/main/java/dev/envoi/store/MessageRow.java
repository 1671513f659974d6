package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlags;

/** The columns of one message row that decide what may happen to it. */
record MessageRow(long rowId, EntryId entryId, Folder folder, MessageFlags flags, String state, Long handedOffAt,
                  String contentHash, String messageId, String returnReason, String refused) {

    boolean isHandedOff() {
        return handedOffAt != null;
    }

    /** The row's queue state; a row outside the outbox, or with a state no version wrote, is damage. */
    QueueState queueState() {
        return QueueState.of(entryId, state);
    }
}
