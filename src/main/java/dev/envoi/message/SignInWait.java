package dev.envoi.message;

import java.time.Instant;

/**
 * A message that waits for its account to be signed in again stays {@link OutboxState#RETRYING}
 * with this due time: so far ahead that no retry timer ever takes it, and recognisable, so the
 * outbox says "sign in again" instead of a date, and a sign-in makes it due at once. Reusing
 * RETRYING rather than adding a state keeps every reader of the state (outbox, `--wait`, cancel,
 * crash recovery) right without change: such a message is queued, cancellable, never FAILED.
 */
public final class SignInWait {

    /** 9999-12-31T00:00:00Z, as the store keeps due times in epoch milliseconds. */
    public static final Instant DUE = Instant.ofEpochMilli(253_402_214_400_000L);

    private SignInWait() {
    }

    public static boolean isWaiting(Instant dueAt) {
        return dueAt != null && !dueAt.isBefore(DUE);
    }
}
