package dev.envoi.store;

import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import java.util.Optional;

/**
 * Where a message is now: its current id, folder and, in the outbox, its state; for a message
 * that came back to Drafts, the reason.
 */
public record MessageFate(EntryId currentId, Folder folder, Optional<OutboxState> state, String reason) {

    /** True when nothing more will happen to the message without the user. */
    public boolean isSettled() {
        return folder != Folder.OUTBOX
                || state.filter(s -> s == OutboxState.FAILED || s == OutboxState.UNCERTAIN).isPresent();
    }
}
