package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.compose.ComposeContext;
import dev.envoi.compose.ComposeSettings;
import dev.envoi.compose.ComposeWindow;
import dev.envoi.compose.FxScheduler;
import dev.envoi.compose.SendState;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.store.SqliteMessageStore;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 5: the FX thread while a compose window attaches and sends a 256 MiB file through the
 * spooler and SmtpTransport, showing its progress (headless Monocle, software rendering). An
 * AnimationTimer notes every pulse; the figure is the gaps between pulses, longest included,
 * against the same window sitting idle. Attaching runs from attach() until a reaction time after
 * the file is listed, so the frames that draw it count there; sending, from Send to the hand-off. The FX thread's own CPU time between pulses tells its work
 * apart from time it spent waiting for a core or for a garbage collection. Runs only with -Pbench; asserts no time.
 */
class FxPulseBenchmark {

    private static final String BENCHMARK = "5. FX thread during a 256 MiB send";
    private static final long SIZE = 256L << 20;
    private static final Duration IDLE = Duration.ofSeconds(3);
    /** A user sees the file listed, then presses Send: the frames that show it belong to attaching. */
    private static final Duration REACTION = Duration.ofMillis(300);

    @TempDir
    Path work;

    private final List<Long> pulses = new ArrayList<>();
    /** The FX thread's own CPU time at each pulse: tells its work apart from waiting for a core or a GC. */
    private final List<Long> pulseCpu = new ArrayList<>();

    @Test
    void longestGapBetweenPulsesWhileAttachingAndSending() throws Exception {
        Path file = randomFile(work.resolve("video.bin"));
        Platform.startup(() -> { });
        ExecutorService background = Executors.newCachedThreadPool();
        try (SinkSmtpServer sink = SinkSmtpServer.start();
             SqliteMessageStore store = SqliteMessageStore.open(work.resolve("profile"))) {
            store.settings().setUndoWindow(Duration.ZERO);
            ProgressHub progress = new ProgressHub();
            try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment,
                    RetryPolicy.standard(), Clock.systemUTC(), progress)) {
                spooler.start();
                ComposeContext context = new ComposeContext(store, background, Platform::runLater, new FxScheduler(),
                        Clock.systemDefaultZone(), new ComposeSettings(Duration.ofHours(1), Duration.ZERO, 0),
                        progress::subscribe, id -> { });
                ComposeWindow window = onFx(() -> {
                    ComposeWindow w = new ComposeWindow(context, owner -> new AgreeingDialogs(), owner -> List::of,
                            List.of(dev.envoi.compose.Sender.of(SmtpPeers.FROM)));
                    w.show();
                    return w;
                });
                AnimationTimer timer = onFx(() -> {
                    AnimationTimer t = new AnimationTimer() {
                        @Override
                        public void handle(long now) {
                            pulses.add(System.nanoTime());
                            pulseCpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
                        }
                    };
                    t.start();
                    return t;
                });
                Thread.sleep(IDLE.toMillis());
                Stats idle = gaps();
                Stats idleCpu = cpuGaps();
                onFx(() -> {
                    window.model().message().to().commit("jane@example.org");
                    window.model().message().subjectProperty().set("The video");
                    window.model().message().attach(List.of(file));
                    return null;
                });
                await(() -> window.model().message().attachments().size() == 1, "the file is attached");
                Thread.sleep(REACTION.toMillis());
                Stats attaching = gaps();
                Stats attachingCpu = cpuGaps();
                onFx(() -> {
                    window.model().sending().send();
                    return null;
                });
                await(() -> window.model().sending().sendStateProperty().get() instanceof SendState.HandedOff
                        || !window.model().errorProperty().get().isEmpty(), "the message is handed off");
                Stats sending = gaps();
                Stats sendingCpu = cpuGaps();
                assertEquals("", onFx(() -> window.model().errorProperty().get()));
                onFx(() -> {
                    timer.stop();
                    window.stage().close();
                    return null;
                });
                String bar = "no gap over 50 ms";
                new BenchReport.Figure(BENCHMARK, "pulse gaps while attaching (vault copy, then the file shown), longest " + Stats.format(
                        attaching.max()) + " ms", attaching).against("idle window", idle)
                        .bar(bar, attaching.max() <= 50).record();
                new BenchReport.Figure(BENCHMARK, "pulse gaps while sending (submit → handed off), longest "
                        + Stats.format(sending.max()) + " ms", sending).against("idle window", idle)
                        .bar(bar, sending.max() <= 50).record();
                new BenchReport.Figure(BENCHMARK, "FX thread CPU between pulses while attaching, longest "
                        + Stats.format(attachingCpu.max()) + " ms", attachingCpu).against("idle window", idleCpu).record();
                new BenchReport.Figure(BENCHMARK, "FX thread CPU between pulses while sending, longest "
                        + Stats.format(sendingCpu.max()) + " ms", sendingCpu).against("idle window", idleCpu).record();
            }
        } finally {
            background.shutdown();
            Platform.exit();
        }
    }

    /** The gaps between the pulses noted since the last call, in ms. */
    private Stats gaps() throws Exception {
        return differences(pulses);
    }

    /** The FX thread's CPU time between those pulses, in ms. */
    private Stats cpuGaps() throws Exception {
        return differences(pulseCpu);
    }

    private static Stats differences(List<Long> marks) throws Exception {
        List<Long> times = onFx(() -> {
            List<Long> copy = List.copyOf(marks);
            marks.clear();
            marks.add(copy.get(copy.size() - 1));
            return copy;
        });
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(times.get(i) - times.get(i - 1));
        }
        return Stats.millis(gaps);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void await(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private static Path randomFile(Path file) throws java.io.IOException {
        Random random = new Random(5);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        return file;
    }
}
