package dev.envoi.compose;

import dev.envoi.message.ByteSizes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** The sentence the status area shows for each send state. */
final class SendStatusText {

    private static final Duration SCHEDULED_BEYOND = Duration.ofMinutes(2);

    private final ZoneId zone;

    SendStatusText(ZoneId zone) {
        this.zone = zone;
    }

    String of(SendState state, Instant now, boolean cancellable) {
        // Java 17 has no pattern matching in switch: one instanceof per state.
        if (state instanceof SendState.Submitting) {
            return "Saving and queuing…";
        }
        if (state instanceof SendState.Queued q) {
            return queued(q.dueAt(), now);
        }
        if (state instanceof SendState.Transferring t) {
            return transferring(t, cancellable);
        }
        if (state instanceof SendState.Retrying r) {
            return "Not sent yet (" + r.error() + "). Will retry at " + time(r.nextAttempt())
                    + " — attempt " + r.attempts() + " failed.";
        }
        if (state instanceof SendState.HandedOff) {
            return "Sent: the mail system has the message.";
        }
        if (state instanceof SendState.Uncertain u) {
            return "Delivery uncertain: " + u.reason() + " Envoi will not send it again unless you say so (Outbox).";
        }
        if (state instanceof SendState.Failed f) {
            return "Not sent: " + f.reason();
        }
        return "";
    }

    private String queued(Instant dueAt, Instant now) {
        Duration left = Duration.between(now, dueAt);
        if (left.compareTo(SCHEDULED_BEYOND) > 0) {
            return "Scheduled to send at " + time(dueAt) + ".";
        }
        long seconds = (left.toMillis() + 999) / 1000;
        return seconds <= 0 ? "Sending…" : "Sending in " + seconds + " s — Cancel to undo.";
    }

    private static String transferring(SendState.Transferring t, boolean cancellable) {
        if (!cancellable) {
            return "Handing the message to the mail system…";
        }
        if (t.total() <= 0) {
            return "Sending…";
        }
        long percent = Math.min(100, t.written() * 100 / t.total());
        return "Sending… " + percent + " % of " + ByteSizes.human(t.total());
    }

    private String time(Instant at) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withZone(zone).format(at);
    }
}
