package dev.envoi.app.desktop;

import dev.envoi.store.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when the last window closes. Closing a window never stops a message that is on its
 * way: if this process runs the spooler, Envoi stays, windowless, until the messages being sent or
 * in their undo window are handed off. If others wait for a later time (send later, a retry), it
 * asks first: quit (they go out at the next start) or keep running until they are sent. A window
 * opened meanwhile (another launch, a clicked link) calls the whole thing off.
 */
final class QuitWhenIdle {

    /** The desktop session, as this policy sees it. */
    interface Host {
        /** Any thread. */
        boolean hasWindows();

        /** Called on the FX thread, with no window open. */
        void quit();
    }

    static final Duration SOON = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(QuitWhenIdle.class);
    /** A transfer that hangs must not keep a windowless Envoi for ever when the user said quit. */
    static final Duration LONGEST_STAY = Duration.ofMinutes(5);

    private final Supplier<List<OutboxEntry>> outbox;
    private final boolean spoolerHere;
    private final QuitQuestion question;
    private final Executor ui;
    private final Executor background;
    private final Clock clock;
    private final Duration pollEvery;
    private final Host host;
    private final AtomicInteger closings = new AtomicInteger();

    QuitWhenIdle(Supplier<List<OutboxEntry>> outbox, boolean spoolerHere, QuitQuestion question, Executor ui,
                 Executor background, Clock clock, Duration pollEvery, Host host) {
        this.outbox = outbox;
        this.spoolerHere = spoolerHere;
        this.question = question;
        this.ui = ui;
        this.background = background;
        this.clock = clock;
        this.pollEvery = pollEvery;
        this.host = host;
    }

    /** Any thread: the last window has just closed. */
    void lastWindowClosed() {
        int closing = closings.incrementAndGet();
        background.execute(() -> decide(closing));
    }

    private void decide(int closing) {
        Outgoing outgoing;
        try {
            outgoing = Outgoing.of(outbox.get(), clock.instant(), SOON);
        } catch (RuntimeException e) {
            LOG.warn("the outbox could not be read as the last window closed; quitting", e);
            quitIfStill(closing); // the store is failing: nothing more goes out from here anyway
            return;
        }
        if (!spoolerHere || outgoing.none()) {
            quitIfStill(closing); // another Envoi sends them, or nothing is left to send
        } else if (outgoing.later() == 0) {
            stayThenQuit(closing, false);
        } else {
            ui.execute(() -> {
                if (!current(closing)) {
                    return;
                }
                QuitQuestion.Answer answer = question.ask(outgoing.later());
                if (current(closing)) {
                    background.execute(() -> stayThenQuit(closing, answer == QuitQuestion.Answer.KEEP_RUNNING));
                }
            });
        }
    }

    /** Still windowless, and no later closing has taken over the decision. */
    private boolean current(int closing) {
        return closing == closings.get() && !host.hasWindows();
    }

    private void stayThenQuit(int closing, boolean untilAllSent) {
        Instant giveUp = clock.instant().plus(LONGEST_STAY);
        try {
            while (current(closing) && (untilAllSent || clock.instant().isBefore(giveUp)) && stillGoing(untilAllSent)) {
                Thread.sleep(pollEvery.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The store is closing or failing: nothing more can go out from here anyway.
            LOG.warn("the outbox could not be read while waiting to quit; quitting", e);
        }
        quitIfStill(closing);
    }

    private boolean stillGoing(boolean untilAllSent) {
        Outgoing outgoing = Outgoing.of(outbox.get(), clock.instant(), SOON);
        return untilAllSent ? !outgoing.none() : outgoing.now() > 0;
    }

    private void quitIfStill(int closing) {
        ui.execute(() -> {
            if (current(closing)) {
                host.quit();
            }
        });
    }
}
