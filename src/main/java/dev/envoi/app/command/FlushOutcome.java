package dev.envoi.app.command;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageFate;
import java.util.Optional;

/**
 * What became of the messages an `outbox --flush --wait` sent, told as `send --wait` tells one
 * message's fate, so a restart script can tell "all sent" from "look at the outbox".
 */
final class FlushOutcome {

    private int sent;
    private int refused;
    private int uncertain;
    private int queued;

    /** Counts one message by where it is now; an empty fate is a message deleted meanwhile. */
    void add(Optional<MessageFate> fate) {
        if (fate.isEmpty()) {
            return;
        }
        MessageFate now = fate.get();
        switch (now.folder()) {
            case SENT, DELETED -> sent++;
            // Back in Drafts without a reason is a cancel: the user's doing, not a failure.
            case DRAFTS -> refused += now.reason().isEmpty() ? 0 : 1;
            default -> {
                OutboxState state = now.state().orElse(OutboxState.QUEUED);
                if (state == OutboxState.UNCERTAIN) {
                    uncertain++;
                } else if (state == OutboxState.FAILED) {
                    refused++;
                } else {
                    queued++;
                }
            }
        }
    }

    /**
     * The exit code of the worst outcome: uncertain first (only a person can settle it), then
     * refused or failed, then still queued.
     */
    int exitCode() {
        if (uncertain > 0) {
            return ExitCode.UNCERTAIN;
        }
        if (refused > 0) {
            return ExitCode.REFUSED;
        }
        return queued > 0 ? ExitCode.STILL_QUEUED : ExitCode.OK;
    }

    String summary() {
        return sent + " handed off, " + refused + " refused or failed, " + uncertain + " uncertain, "
                + queued + " still queued";
    }
}
