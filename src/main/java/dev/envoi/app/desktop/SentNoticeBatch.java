package dev.envoi.app.desktop;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * "Message sent" notices, at most one per {@link #QUIET}: an outbox of thousands emptying after a
 * night offline would otherwise put hundreds of popups a second on the screen (issue 21). The first
 * is shown at once; those that come within the quiet time after it are counted and told together
 * when it ends ("12 more messages were handed to the mail system"). Called on the UI thread;
 * synchronized all the same, for a UI executor that is not one thread (tests).
 */
final class SentNoticeBatch implements AutoCloseable {

    static final Duration QUIET = Duration.ofSeconds(2);

    private final Executor ui;
    private final Consumer<DeliveryNotifier.Notice> board;
    private final IntFunction<DeliveryNotifier.Notice> many;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "envoi-notice-batch");
        t.setDaemon(true);
        return t;
    });
    private long quietUntil;
    private int held;
    private boolean flushScheduled;

    /** {@code many} words a notice for a number of messages sent. */
    SentNoticeBatch(Executor ui, Consumer<DeliveryNotifier.Notice> board, IntFunction<DeliveryNotifier.Notice> many) {
        this.ui = ui;
        this.board = board;
        this.many = many;
    }

    /** A message was sent: its own notice now, or counted for the next one. */
    synchronized void sent(DeliveryNotifier.Notice single) {
        long now = System.nanoTime();
        if (held == 0 && now - quietUntil >= 0) {
            board.accept(single);
            quietUntil = now + QUIET.toNanos();
            return;
        }
        held++;
        if (!flushScheduled) {
            flushScheduled = true;
            long wait = Math.max(0, quietUntil - now);
            timer.schedule(() -> ui.execute(this::flush), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** True while some sent message has not been told yet. */
    synchronized boolean holding() {
        return held > 0;
    }

    private synchronized void flush() {
        flushScheduled = false;
        if (held > 0) {
            board.accept(many.apply(held));
            held = 0;
            quietUntil = System.nanoTime() + QUIET.toNanos();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
