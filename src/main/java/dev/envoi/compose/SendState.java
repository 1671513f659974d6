package dev.envoi.compose;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the message in a compose window stands, following the send path of DESIGN.md.
 *
 * <p>Each state writes out its equals and hashCode. A record's own are an invokedynamic call
 * linked at its first use, and a property compares the old state with the new at every change:
 * the first comparison in the process (Editing against Submitting, at Send) spent 8–15 ms of the
 * FX thread linking it, in the frame that must draw the sending look (issue 21, bar 4).
 */
public sealed interface SendState {

    /** Being written; nothing submitted. */
    record Editing() implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Editing;
        }

        @Override
        public int hashCode() {
            return Editing.class.hashCode();
        }
    }

    /** Saving and submitting, off the FX thread. */
    record Submitting() implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Submitting;
        }

        @Override
        public int hashCode() {
            return Submitting.class.hashCode();
        }
    }

    /** In the outbox, waiting for its due time: the undo window, or a send-later time. */
    record Queued(Instant dueAt) implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Queued that && Objects.equals(dueAt, that.dueAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dueAt);
        }
    }

    /** The spooler is transferring it. */
    record Transferring(long written, long total) implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Transferring that && written == that.written && total == that.total;
        }

        @Override
        public int hashCode() {
            return Objects.hash(written, total);
        }
    }

    /** A transient failure; another attempt at {@code nextAttempt}. Still cancellable. */
    record Retrying(Instant nextAttempt, int attempts, String error) implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Retrying that && Objects.equals(nextAttempt, that.nextAttempt) && attempts == that.attempts && Objects.equals(error, that.error);
        }

        @Override
        public int hashCode() {
            return Objects.hash(nextAttempt, attempts, error);
        }
    }

    /** The mail system has it. */
    record HandedOff(String reply) implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof HandedOff that && Objects.equals(reply, that.reply);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reply);
        }
    }

    /** The transfer broke after the hand-off point: the user must decide. */
    record Uncertain(String reason) implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Uncertain that && Objects.equals(reason, that.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reason);
        }
    }

    /** Gave up after the retry limit, or damaged; the message stays in the outbox. */
    record Failed(String reason) implements SendState {
        @Override
        public boolean equals(Object other) {
            return other instanceof Failed that && Objects.equals(reason, that.reason);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reason);
        }
    }

    default boolean isEditing() {
        return this instanceof Editing;
    }

    default boolean isSending() {
        return !(this instanceof Editing || this instanceof HandedOff);
    }
}
