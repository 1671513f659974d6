package dev.envoi.compose;

import dev.envoi.i18n.VisibleText;
import dev.envoi.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** The sentence the status area shows for each send state, in the user's language. */
final class SendStatusText {

    private static final Duration SCHEDULED_BEYOND = Duration.ofMinutes(2);

    private final Texts texts;

    SendStatusText(Texts texts) {
        this.texts = texts;
    }

    String of(SendState state, Instant now, boolean cancellable) {
        // Java 17 has no pattern matching in switch: one instanceof per state.
        if (state instanceof SendState.Submitting) {
            return texts.get("status.submitting");
        }
        if (state instanceof SendState.Queued q) {
            return queued(q.dueAt(), now);
        }
        if (state instanceof SendState.Transferring t) {
            return transferring(t, cancellable);
        }
        if (state instanceof SendState.Retrying r) {
            return texts.get("status.retrying", VisibleText.of(r.error()), Date.from(r.nextAttempt()), r.attempts());
        }
        if (state instanceof SendState.HandedOff) {
            return texts.get("status.sent");
        }
        if (state instanceof SendState.Uncertain u) {
            return texts.get("status.uncertain", VisibleText.of(u.reason()));
        }
        if (state instanceof SendState.Failed f) {
            return texts.get("status.failed", VisibleText.of(f.reason()));
        }
        return "";
    }

    private String queued(Instant dueAt, Instant now) {
        Duration left = Duration.between(now, dueAt);
        if (left.compareTo(SCHEDULED_BEYOND) > 0) {
            return texts.get("status.scheduled", Date.from(dueAt));
        }
        long seconds = (left.toMillis() + 999) / 1000;
        return seconds <= 0 ? texts.get("status.due") : texts.get("status.queued", seconds);
    }

    private String transferring(SendState.Transferring t, boolean cancellable) {
        if (!cancellable) {
            return texts.get("status.handingOff");
        }
        if (t.total() <= 0) {
            return texts.get("status.transferring");
        }
        long percent = Math.min(100, t.written() * 100 / t.total());
        return texts.get("status.progress", percent, texts.size(t.total()));
    }
}
