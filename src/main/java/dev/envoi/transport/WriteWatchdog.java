package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The write timeout of one SMTP connection: a write that has been blocked longer than the timeout
 * (the server takes no more data) gets its socket closed under it, and so fails.
 *
 * <p>Angus has a write timeout of its own ({@code mail.smtp.writetimeout}), but it schedules and
 * cancels a timer task around every write of 8 KiB, waking the timer thread each time: some 45,000
 * wake-ups for a 256 MiB attachment, on a core the transfer needs. Here a write only notes the
 * moment it began, and one check every quarter of the timeout looks at that note.
 */
final class WriteWatchdog {

    private static final Sentences WORDS = Sentences.of(WriteWatchdog.class);

    /** One timer thread for the checks of every connection. */
    private static final ScheduledExecutorService TIMER = timer();
    private static final long MIN_CHECK_MILLIS = 50;

    private final SocketTracker sockets;
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    /** When the write under way began (System.nanoTime()), or 0 when none is. */
    private volatile long writingSince;
    private volatile boolean fired;

    WriteWatchdog(SocketTracker sockets, Duration timeout) {
        this.sockets = sockets;
        this.timeoutNanos = timeout.toNanos();
        long every = Math.max(MIN_CHECK_MILLIS, timeout.toMillis() / 4);
        this.check = TIMER.scheduleWithFixedDelay(this::closeIfStuck, every, every, TimeUnit.MILLISECONDS);
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "envoi-smtp-write-timeout");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Called before a write to the server; writes on one connection never overlap. */
    void writing() {
        long now = System.nanoTime();
        writingSince = now == 0 ? 1 : now;
    }

    /** Called once that write returned or failed. */
    void done() {
        writingSince = 0;
    }

    /** True once a write was cut off by the timeout: the failure that followed is this one. */
    boolean fired() {
        return fired;
    }

    /** The failure to report instead of the closed socket's; without a cause, so it is the root message. */
    IOException timedOut(IOException closed) {
        IOException timedOut = new IOException(description());
        timedOut.addSuppressed(closed);
        return timedOut;
    }

    String description() {
        Duration timeout = Duration.ofNanos(timeoutNanos);
        String length = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return WORDS.get("write.timeout", length);
    }

    private void closeIfStuck() {
        long since = writingSince;
        if (since != 0 && System.nanoTime() - since > timeoutNanos) {
            fired = true;
            sockets.resetOnClose();
            sockets.abort();
        }
    }

    /** Ends the checks; the connection is closed or dropped. */
    void stop() {
        check.cancel(false);
    }
}
