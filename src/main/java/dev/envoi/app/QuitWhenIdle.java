package dev.envoi.app;

import dev.envoi.message.OutboxState;
import dev.envoi.store.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happens when the last window closes. Closing a window does not stop a message that is on
 * its way: if this process runs the spooler and a message is sending or due within the next
 * minutes (an undo window), Envoi stays, windowless, until it is handed off or waiting for a retry.
 * Messages due later go out at the next start.
 */
final class QuitWhenIdle {

    private static final Duration SOON = Duration.ofMinutes(2);
    private static final Duration LONGEST_STAY = Duration.ofMinutes(5);

    private final ProfileServices services;
    private final boolean spoolerHere;
    private final Runnable quit;

    QuitWhenIdle(ProfileServices services, boolean spoolerHere, Runnable quit) {
        this.services = services;
        this.spoolerHere = spoolerHere;
        this.quit = quit;
    }

    /** Runs on a background thread; exits the toolkit when nothing is about to go out. */
    void quitWhenIdle() {
        Instant giveUp = Instant.now().plus(LONGEST_STAY);
        try {
            while (spoolerHere && Instant.now().isBefore(giveUp) && somethingGoesOutSoon()) {
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The store is closing or failing: nothing more can go out from here anyway.
        }
        quit.run();
    }

    private boolean somethingGoesOutSoon() {
        Instant soon = Instant.now().plus(SOON);
        List<OutboxEntry> outbox = services.store().outbox();
        return outbox.stream().anyMatch(e -> e.state() == OutboxState.SENDING
                || (e.state() == OutboxState.QUEUED && e.dueAt().isBefore(soon)));
    }
}
