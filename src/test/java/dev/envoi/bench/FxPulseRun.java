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
import dev.envoi.ui.RegionPainting;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * One run of benchmark 5 in a JVM of its own (a cold one, as the user's first send after opening
 * the window is): a real compose window attaches FILE and sends it through the spooler and
 * SmtpTransport to the sink at HOST PORT, with an AnimationTimer noting each pulse. Prints one line
 * per gap, "GAP phase millis" (phases idle, writing the recipient and subject, attaching, sending)
 * and "CPU phase millis" for the FX thread's own CPU time between the same pulses.
 *
 * <p>Arguments: {@code PROFILE FILE HOST PORT}.
 */
public final class FxPulseRun {

    private static final Duration IDLE = Duration.ofSeconds(3);
    /** A user sees the file listed, then presses Send: the frames that show it belong to attaching. */
    private static final Duration REACTION = Duration.ofMillis(300);

    private final List<Long> pulses = new ArrayList<>();
    private final List<Long> pulseCpu = new ArrayList<>();

    private FxPulseRun() {
    }

    public static void main(String[] args) throws Exception {
        try {
            new FxPulseRun().run(Path.of(args[0]), Path.of(args[1]), args[2], Integer.parseInt(args[3]));
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private void run(Path profile, Path file, String host, int port) throws Exception {
        // As the app starts the toolkit (EnvoiApp.launch): the figures are the product's.
        RegionPainting.fillDirectly();
        Platform.startup(() -> { });
        ExecutorService background = Executors.newCachedThreadPool();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.settings().setUndoWindow(Duration.ZERO);
            ProgressHub progress = new ProgressHub();
            try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(host, port), store::readAttachment,
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
                print("idle");
                // The recipient and the subject are written before the file is attached, as a user
                // does: the first chip's frame (its CSS on a cold JVM) is writing, not attaching.
                onFx(() -> {
                    window.model().message().to().commit("jane@example.org");
                    window.model().message().subjectProperty().set("The video");
                    return null;
                });
                Thread.sleep(REACTION.toMillis());
                print("writing");
                onFx(() -> {
                    window.model().message().attach(List.of(file));
                    return null;
                });
                await(() -> window.model().message().attachments().size() == 1, "the file is attached");
                Thread.sleep(REACTION.toMillis());
                print("attaching");
                onFx(() -> {
                    window.model().sending().send();
                    return null;
                });
                await(() -> window.model().sending().sendStateProperty().get() instanceof SendState.HandedOff
                        || !window.model().errorProperty().get().isEmpty(), "the message is handed off");
                print("sending");
                assertEquals("", onFx(() -> window.model().errorProperty().get()));
                onFx(() -> {
                    timer.stop();
                    window.stage().close();
                    return null;
                });
            }
        } finally {
            background.shutdown();
        }
    }

    /** The gaps between the pulses noted since the last call, and the FX thread's CPU time in each. */
    private void print(String phase) throws Exception {
        for (long gap : differences(pulses)) {
            System.out.println("GAP " + phase + " " + gap / 1e6);
        }
        for (long cpu : differences(pulseCpu)) {
            System.out.println("CPU " + phase + " " + cpu / 1e6);
        }
    }

    private static List<Long> differences(List<Long> marks) throws Exception {
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
        return gaps;
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
}
