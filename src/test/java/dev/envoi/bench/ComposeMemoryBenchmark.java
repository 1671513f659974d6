package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.compose.ComposeContext;
import dev.envoi.compose.ComposeSettings;
import dev.envoi.compose.ComposeViewModel;
import dev.envoi.compose.SendState;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.ProgressHub;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.store.SqliteMessageStore;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 6: memory after 1,000 compose → send cycles, each a new compose view-model with a
 * 1 MiB attachment, sent through the real store and spooler (undo window 0) to a transport that
 * assembles and discards the message. The retained heap after a full GC at the end is compared
 * with the retained heap after the first 10 cycles. Runs only with -Pbench; asserts no size.
 */
class ComposeMemoryBenchmark {

    private static final String BENCHMARK = "6. memory, compose → send";
    private static final int WARM_CYCLES = 10;
    private static final int CYCLES = 1000;
    private static final int HEAP_SAMPLES = 5;
    private static final int MIB = 1 << 20;
    private static final MailAddress ME = new MailAddress("Émile Envoi", "emile@example.org");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path profile;
    @TempDir
    Path files;

    @Test
    void retainedHeapAfterAThousandCyclesAgainstAfterTheFirstTen() throws Exception {
        byte[] attachment = new byte[MIB];
        new Random(6).nextBytes(attachment);
        ProgressHub progress = new ProgressHub();
        ExecutorService background = Executors.newCachedThreadPool();
        List<Long> cycleNanos = new ArrayList<>();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile);
             UiThread ui = new UiThread()) {
            store.settings().setUndoWindow(Duration.ZERO);
            // No autosave and no timed close: the cycle itself is what is measured.
            ComposeSettings settings = new ComposeSettings(Duration.ofHours(1), Duration.ZERO, 0);
            ComposeContext context = new ComposeContext(store, background, ui, ui, Clock.systemDefaultZone(), settings,
                    progress::subscribe, id -> { });
            try (Spooler spooler = new Spooler(store, new DiscardingTransport(), store::readAttachment,
                    RetryPolicy.standard(), Clock.systemUTC(), progress)) {
                spooler.start();
                for (int i = 0; i < WARM_CYCLES; i++) {
                    cycleNanos.add(cycle(context, ui, attachment, i));
                }
                Stats afterTen = retainedHeap();
                for (int i = WARM_CYCLES; i < CYCLES; i++) {
                    cycleNanos.add(cycle(context, ui, attachment, i));
                }
                Stats afterAll = retainedHeap();
                assertEquals(CYCLES, store.sent().size(), "every cycle's message reached Sent");
                double growth = afterAll.median() - afterTen.median();
                new BenchReport.Figure(BENCHMARK, "retained heap after " + CYCLES + " cycles (1 MiB attachments)",
                        afterAll).against("after the first " + WARM_CYCLES + " cycles", afterTen)
                        .bar(String.format(java.util.Locale.ROOT, "growth < 2 MiB (grew %.2f MiB)", growth), growth < 2)
                        .record();
                new BenchReport.Figure(BENCHMARK, "one compose → attach → send → handed off cycle",
                        Stats.millis(cycleNanos)).record();
            }
        } finally {
            background.shutdown();
        }
    }

    /** One window's life: write, attach 1 MiB, send, wait for the hand-off, close. */
    private long cycle(ComposeContext context, UiThread ui, byte[] content, int number) throws Exception {
        ByteBuffer.wrap(content).putInt(0, number);
        Path file = Files.write(files.resolve("attachment-" + number + ".bin"), content);
        long start = System.nanoTime();
        ComposeViewModel model = ui.call(() -> new ComposeViewModel(context, new AgreeingDialogs(), List::of,
                List.of(dev.envoi.compose.Sender.of(ME))));
        ui.run(() -> {
            model.message().to().commit("Jane Doe <jane@example.org>, bob@example.org");
            model.message().subjectProperty().set("Cycle " + number);
            model.message().bodyProperty().set("Here is file " + number + ".\n".repeat(20));
            model.message().attach(List.of(file));
        });
        ui.await(() -> model.message().attachments().size() == 1 || !model.errorProperty().get().isEmpty(), WAIT,
                "attached");
        ui.run(model.sending()::send);
        ui.await(() -> model.sending().sendStateProperty().get() instanceof SendState.HandedOff
                || !model.errorProperty().get().isEmpty(), WAIT, "handed off");
        String error = ui.call(() -> model.errorProperty().get());
        assertEquals("", error, "cycle " + number);
        ui.run(model::dispose);
        long elapsed = System.nanoTime() - start;
        Files.delete(file);
        return elapsed;
    }

    /** The heap still in use after full collections, sampled a few times, in MiB. */
    private static Stats retainedHeap() throws InterruptedException {
        double[] samples = new double[HEAP_SAMPLES];
        for (int i = 0; i < HEAP_SAMPLES; i++) {
            for (int gc = 0; gc < 3; gc++) {
                System.gc();
                Thread.sleep(100);
            }
            samples[i] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (double) MIB;
        }
        return Stats.of("MiB", samples);
    }
}
