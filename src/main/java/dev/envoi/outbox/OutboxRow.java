package dev.envoi.outbox;

import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;

/**
 * A line of the outbox as the window shows it: texts already in the user's language, and what
 * can be done with it now (cancel is what the store said, not a guess).
 *
 * @param progress transfer progress 0 to 1, or negative when there is none to show
 */
public record OutboxRow(EntryId id, OutboxState state, String subject, String recipients, String size,
                        String stateText, double progress, boolean cancellable, boolean hasAccount) {

    public OutboxRow(EntryId id, OutboxState state, String subject, String recipients, String size,
                     String stateText, double progress, boolean cancellable) {
        this(id, state, subject, recipients, size, stateText, progress, cancellable, false);
    }

    /** A message submitted with an account may go through another (its own was removed, say). */
    public boolean canChooseAccount() {
        return hasAccount && (state == OutboxState.QUEUED || state == OutboxState.RETRYING
                || state == OutboxState.FAILED);
    }

    public boolean canSendNow() {
        return state == OutboxState.QUEUED || state == OutboxState.RETRYING;
    }

    public boolean canEdit() {
        return state == OutboxState.FAILED && cancellable;
    }

    public boolean canSendAgain() {
        return state == OutboxState.FAILED || state == OutboxState.UNCERTAIN;
    }

    public boolean canMarkSent() {
        return state == OutboxState.UNCERTAIN;
    }
}
