package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark 8's drain row (issue 21, bar 2): the year of mail's 10,000 queued and a small
 * profile's 1,000 drained in turn, a window of {@code window} messages from one, then from the
 * other, until the year's queue is empty (fresh copies of the small profile as each empties), so
 * both see the same machine at the same moments. One drain of each, minutes apart, left the ratio
 * to the machine's mood of the moment (0.67x, 1.42x and 0.86x in three runs; on a shared machine
 * 0.93x, 0.72x and 1.24x in three rounds of whole drains in turn).
 *
 * <p>Each window is a spooler started on the store and stopped once the sink took the window's
 * last message: its time runs from the start to that message, and the spooler thread's CPU time
 * is read at that moment. Both profiles pay a start and a connection per window.
 */
final class AlternatingDrains {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private final Path work;
    private final SinkSmtpServer sink;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Spooler threads of windows gone by (one may still be ending as the next window starts). */
    private final java.util.Set<Long> seen = new java.util.HashSet<>();

    AlternatingDrains(Path work, SinkSmtpServer sink) {
        this.work = work;
        this.sink = sink;
    }

    /** Per window, in the order they ran: msg/s, and CPU ms of the spooler thread per message. */
    record Windows(List<Double> rates, List<Double> cpuMillis) {
        Windows() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    record Result(Windows year, Windows small) {
    }

    /**
     * Warms the JIT with a whole drain of its own, then alternates: {@code small} (a profile of
     * {@code smallQueued}, copied afresh each time it empties) and {@code yearStore} (drained in
     * place, {@code yearQueued} in all, left with them in Sent).
     */
    Result run(SqliteMessageStore yearStore, int yearQueued, Path small, int smallQueued, int window)
            throws Exception {
        Path warm = work.resolve("drain-warm-up");
        BigProfile.generate(warm, new BigProfile.Size(0, 1, 0, 1_000, 10), 7);
        try (SqliteMessageStore store = SqliteMessageStore.open(warm)) {
            window(store, 1_000, new Windows());
        }
        // What the generator left in the page cache goes to the disk now, not in a checkpoint's fsync.
        force(yearStore.profileFolder().resolve(SqliteMessageStore.DATABASE_FILE));
        Result result = new Result(new Windows(), new Windows());
        int copies = 0;
        SqliteMessageStore smallStore = null;
        int smallLeft = 0;
        try {
            int left = yearQueued;
            while (left > 0) {
                if (smallLeft < window) {
                    if (smallStore != null) {
                        smallStore.close();
                    }
                    Path copy = work.resolve("small-drain-" + copies++);
                    copyProfile(small, copy);
                    smallStore = SqliteMessageStore.open(copy);
                    smallLeft = smallQueued;
                }
                smallLeft -= window(smallStore, window, result.small());
                left -= window(yearStore, Math.min(window, left), result.year());
            }
        } finally {
            if (smallStore != null) {
                smallStore.close();
            }
        }
        return result;
    }

    /** Returns how many messages went: the window's, and the one under way when it closed, if any. */
    private int window(SqliteMessageStore store, int messages, Windows into) throws Exception {
        long before = sink.messages();
        long start = System.nanoTime();
        try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment,
                RetryPolicy.standard(), Clock.systemUTC(), TransferProgress.NONE)) {
            spooler.start();
            long spoolerThread = spoolerThreadId();
            long cpuStart = threads.getThreadCpuTime(spoolerThread);
            assertTrue(sink.awaitMessages(before + messages, PATIENCE), "the window's messages went");
            long cpu = threads.getThreadCpuTime(spoolerThread) - cpuStart;
            long nanos = System.nanoTime() - start;
            into.rates().add(messages / (nanos / 1e9));
            into.cpuMillis().add(cpu / 1e6 / messages);
        }
        // Whatever was under way when the window closed went too; the next window starts after it.
        return (int) (sink.messages() - before);
    }

    /** The new spooler's worker thread (one spooler at a time here); started by its first wake. */
    private long spoolerThreadId() throws InterruptedException {
        for (int tries = 0; tries < 1_000; tries++) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("envoi-spooler") && thread.isAlive() && seen.add(thread.getId())) {
                    return thread.getId();
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("no spooler thread");
    }

    /**
     * A copy to drain: the database file copied and forced to the disk (a checkpoint's fsync must
     * not pay for writing out the copy, which no user's profile asks of it), the vault's files
     * linked (a drain only reads them).
     */
    static void copyProfile(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.getFileName().toString().startsWith(SqliteMessageStore.DATABASE_FILE)) {
                    Files.copy(file, target);
                    force(target);
                } else {
                    Files.createLink(target, file);
                }
            }
        }
    }

    /** Writes out what the generator or a copy left in the page cache. */
    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
