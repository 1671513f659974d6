package dev.envoi.compose;

import java.time.Instant;

/** Where the message in a compose window stands, following the send path of DESIGN.md. */
public sealed interface SendState {

    /** Being written; nothing submitted. */
    record Editing() implements SendState {
    }

    /** Saving and submitting, off the FX thread. */
    record Submitting() implements SendState {
    }

    /** In the outbox, waiting for its due time: the undo window, or a send-later time. */
    record Queued(Instant dueAt) implements SendState {
    }

    /** The spooler is transferring it. */
    record Transferring(long written, long total) implements SendState {
    }

    /** A transient failure; another attempt at {@code nextAttempt}. Still cancellable. */
    record Retrying(Instant nextAttempt, int attempts, String error) implements SendState {
    }

    /** The mail system has it. */
    record HandedOff(String reply) implements SendState {
    }

    /** The transfer broke after the hand-off point: the user must decide. */
    record Uncertain(String reason) implements SendState {
    }

    /** Gave up after the retry limit, or damaged; the message stays in the outbox. */
    record Failed(String reason) implements SendState {
    }

    default boolean isEditing() {
        return this instanceof Editing;
    }

    default boolean isSending() {
        return !(this instanceof Editing || this instanceof HandedOff);
    }
}
