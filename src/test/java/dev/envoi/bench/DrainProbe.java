package dev.envoi.bench;

import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A diagnostic for benchmark 8's drain row, run by hand: drains the queue of a profile (one made
 * by {@link BigProfile}, or an existing copy) through the real spooler and {@code SmtpTransport} to
 * the sink, after a warm-up drain of 1,000 from a small profile, and prints the rate, the CPU time
 * of each thread that worked, and the database's and WAL's sizes. Separates the queue's size from
 * the rest of the profile: run it with 1,000 and 10,000 queued, each with and without 100,000 sent.
 *
 * <p>{@code java -cp ... dev.envoi.bench.DrainProbe DIR [sent addresses drafts queued]} (DIR is
 * used as it is when it already holds a profile).
 */
public final class DrainProbe {

    private DrainProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path profile = Path.of(args[0]);
        if (!Files.exists(profile.resolve(SqliteMessageStore.DATABASE_FILE))) {
            BigProfile.generate(profile, new BigProfile.Size(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]), Integer.parseInt(args[4]), 10), 21);
        }
        Path warm = Files.createTempDirectory("drain-warm");
        BigProfile.generate(warm, new BigProfile.Size(0, 1, 0, 1_000, 10), 7);
        try (SinkSmtpServer sink = SinkSmtpServer.start()) {
            try (SqliteMessageStore store = SqliteMessageStore.open(warm)) {
                drain(store, sink, "warm-up");
            }
            try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
                drain(store, sink, profile.getFileName().toString());
            }
        }
        System.out.printf("database %d MB, WAL %d KB%n",
                Files.size(profile.resolve(SqliteMessageStore.DATABASE_FILE)) >> 20,
                sizeOrZero(profile.resolve(SqliteMessageStore.DATABASE_FILE + "-wal")) >> 10);
    }

    private static void drain(SqliteMessageStore store, SinkSmtpServer sink, String name) throws Exception {
        int queued = store.outbox().size();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = sink.messages();
        long cpuBefore = totalCpu(threads);
        long[] ioBefore = io();
        long start = System.nanoTime();
        try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment, RetryPolicy.standard(),
                Clock.systemUTC(), TransferProgress.NONE)) {
            spooler.start();
            System.out.printf("  spooler started after %d ms%n", (System.nanoTime() - start) / 1_000_000);
            long step = Math.max(1, queued / 10);
            for (long next = step; next <= queued; next += step) {
                if (!sink.awaitMessages(before + next, Duration.ofMinutes(20))) {
                    throw new IllegalStateException("not every message went");
                }
                System.out.printf("  %d at %d ms%n", next, (System.nanoTime() - start) / 1_000_000);
            }
            spooler.awaitIdle(Duration.ofMinutes(1));
            long nanos = System.nanoTime() - start;
            printCpu(threads);
            long[] ioAfter = io();
            System.out.printf("  per message: %.1f KB written to the disk, %.1f write calls%n",
                    (ioAfter[0] - ioBefore[0]) / 1024.0 / queued, (ioAfter[1] - ioBefore[1]) / (double) queued);
            System.out.printf("%s: %d messages in %d ms: %.0f msg/s, %.3f ms CPU (all threads) per message%n", name,
                    queued, nanos / 1_000_000, queued / (nanos / 1e9), (totalCpu(threads) - cpuBefore) / 1e6 / queued);
        }
    }

    private static void printCpu(ThreadMXBean threads) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("envoi")) {
                System.out.printf("  %s: %d ms CPU%n", info.getThreadName(),
                        threads.getThreadCpuTime(info.getThreadId()) / 1_000_000);
            }
        }
    }

    private static long totalCpu(ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    /** This process's bytes written to storage and write calls, from /proc/self/io (Linux). */
    private static long[] io() throws java.io.IOException {
        long[] values = new long[2];
        for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
            if (line.startsWith("write_bytes:")) {
                values[0] = Long.parseLong(line.substring(12).trim());
            } else if (line.startsWith("syscw:")) {
                values[1] = Long.parseLong(line.substring(6).trim());
            }
        }
        return values;
    }

    private static long sizeOrZero(Path file) throws java.io.IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }
}
