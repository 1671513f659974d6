package dev.envoi.app.desktop;

import dev.envoi.message.OutboxState;
import dev.envoi.store.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The messages of the outbox that will still go out, split by when: {@code now} are being sent
 * or due within {@code soon} (an undo window), {@code later} wait for a send-later time or a retry.
 * Failed and uncertain messages never go out by themselves and are not counted.
 */
record Outgoing(int now, int later) {

    static Outgoing of(List<OutboxEntry> outbox, Instant clock, Duration soon) {
        Instant horizon = clock.plus(soon);
        int now = 0;
        int later = 0;
        for (OutboxEntry entry : outbox) {
            boolean goesOutNow = entry.state() == OutboxState.SENDING
                    || (entry.state() == OutboxState.QUEUED && entry.dueAt().isBefore(horizon));
            if (goesOutNow) {
                now++;
            } else if (entry.state() == OutboxState.QUEUED || entry.state() == OutboxState.RETRYING) {
                later++;
            }
        }
        return new Outgoing(now, later);
    }

    boolean none() {
        return now == 0 && later == 0;
    }
}
