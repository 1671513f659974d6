package dev.envoi.bench;

import dev.envoi.message.Draft;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic for benchmark 1's stages, run by hand (with JFR sampling every millisecond, say):
 * N messages of 10 KB, one at a time, submit → the sink's 250, as {@link HandOffLatencyBenchmark}
 * sends them; prints each stage's median and the spooler's CPU time per message.
 *
 * <p>{@code java -cp ... dev.envoi.bench.HandOffProbe [N]}
 */
public final class HandOffProbe {

    private HandOffProbe() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path profile = Files.createTempDirectory("handoff-probe");
        BlockingQueue<Long> accepted = new ArrayBlockingQueue<>(16);
        List<Long> total = new ArrayList<>();
        List<Long> queue = new ArrayList<>();
        List<Long> stream = new ArrayList<>();
        List<Long> record = new ArrayList<>();
        List<Long> reply = new ArrayList<>();
        List<Long> streamCpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (SinkSmtpServer sink = SinkSmtpServer.start()) {
            sink.onAccepted(accepted::add);
            TimedTransport transport = new TimedTransport(SmtpPeers.envoi(sink));
            try (SqliteMessageStore store = SqliteMessageStore.open(profile);
                 Spooler spooler = new Spooler(store, transport, store::readAttachment, RetryPolicy.standard(),
                         Clock.systemUTC(), TransferProgress.NONE)) {
                spooler.start();
                long cpuAtHalf = 0;
                for (int i = 0; i < runs; i++) {
                    if (i == runs / 2) {
                        cpuAtHalf = spoolerCpu(threads);
                    }
                    store.submit(new Draft(SmtpPeers.tenKilobytes(i)), SubmitOptions.undo(Duration.ZERO));
                    long submitted = System.nanoTime();
                    Long replied = accepted.poll(30, TimeUnit.SECONDS);
                    if (replied == null) {
                        throw new IllegalStateException("not delivered");
                    }
                    spooler.awaitIdle(Duration.ofSeconds(30));
                    if (i >= runs / 2) {
                        total.add(replied - submitted);
                        queue.add(transport.started - submitted);
                        stream.add(transport.handOffCalled - transport.started);
                        record.add(transport.handOffRecorded - transport.handOffCalled);
                        reply.add(replied - transport.handOffRecorded);
                        streamCpu.add(transport.handOffCalledCpu - transport.startedCpu);
                    }
                }
                System.out.printf("spooler CPU per message (second half): %.3f ms%n",
                        (spoolerCpu(threads) - cpuAtHalf) / 1e6 / (runs - runs / 2));
            }
        }
        System.out.printf("median ms: total %.3f | submit→transfer %.3f | transfer→hand-off point %.3f "
                + "| hand-off record %.3f | →250 %.3f%n", median(total), median(queue), median(stream), median(record),
                median(reply));
        System.out.printf("spooler CPU from transfer start to the hand-off point: median %.3f ms, mean %.3f ms%n",
                median(streamCpu), streamCpu.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6);
    }

    private static long spoolerCpu(ThreadMXBean threads) {
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals("envoi-spooler")) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
    }

    private static double median(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
