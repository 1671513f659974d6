package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.BigProfile;
import dev.envoi.store.SqliteMessageStore;
import java.io.IOException;
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
 * Benchmark 8's drain row (issue 21, bar 2): drains of 1,000 queued from a small profile and of
 * 10,000 queued from a year of mail, in turn, {@code rounds} of each, every drain from its own
 * copy of a profile generated once, after a warm-up drain. One drain of each (as before) left the
 * ratio to the machine's mood of the moment: 0.67x, 1.42x and 0.86x in three runs.
 *
 * <p>Each drain gives two rates: the whole drain, from the spooler's start to the last message the
 * sink took (as a user sees it: the start, the connection and the vault's walk included), and the
 * steady rate after the first {@value #SETTLED} messages (the time per message alone, which the bar
 * is about: a 1,000 drain pays the start ten times as often per message as a 10,000 one).
 */
final class AlternatingDrains {

    /** Messages after which a drain is taken to be under way (spooler started, connection open). */
    static final int SETTLED = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(20);

    private final Path work;
    private final SinkSmtpServer sink;

    AlternatingDrains(Path work, SinkSmtpServer sink) {
        this.work = work;
        this.sink = sink;
    }

    /** Rates of each drain, in msg/s, in the order they ran. */
    record Rates(List<Double> whole, List<Double> steady) {
    }

    /**
     * A profile's queue drained {@code rounds} times from fresh copies of {@code pristine},
     * alternating; with {@code keep}, the last round drains {@code pristine} itself, which is left
     * with its messages in Sent.
     */
    record Series(Path pristine, int queued, boolean keep, Rates rates) {
        Series(Path pristine, int queued, boolean keep) {
            this(pristine, queued, keep, new Rates(new ArrayList<>(), new ArrayList<>()));
        }
    }

    /** Warms the JIT with a drain of its own, then drains each series' copies in turn. */
    void run(int rounds, Series... series) throws Exception {
        Path warm = work.resolve("drain-warm-up");
        BigProfile.generate(warm, new BigProfile.Size(0, 1, 0, 1_000, 10), 7);
        drain(warm, 1_000, new Rates(new ArrayList<>(), new ArrayList<>()));
        for (Series s : series) {
            force(s.pristine().resolve(SqliteMessageStore.DATABASE_FILE));
        }
        for (int round = 0; round < rounds; round++) {
            for (Series s : series) {
                if (s.keep() && round == rounds - 1) {
                    drain(s.pristine(), s.queued(), s.rates());
                } else {
                    Path copy = work.resolve(s.pristine().getFileName() + "-drain-" + round);
                    copyProfile(s.pristine(), copy);
                    drain(copy, s.queued(), s.rates());
                    deleteTree(copy);
                }
            }
        }
    }

    private void drain(Path profile, int queued, Rates rates) throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            long before = sink.messages();
            long start = System.nanoTime();
            try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment,
                    RetryPolicy.standard(), Clock.systemUTC(), TransferProgress.NONE)) {
                spooler.start();
                assertTrue(sink.awaitMessages(before + SETTLED, PATIENCE), "the drain got under way");
                long settled = System.nanoTime();
                assertTrue(sink.awaitMessages(before + queued, PATIENCE), "every queued message went");
                long end = System.nanoTime();
                assertTrue(spooler.awaitIdle(Duration.ofMinutes(1)));
                rates.whole().add(queued / ((end - start) / 1e9));
                rates.steady().add((queued - SETTLED) / ((end - settled) / 1e9));
            }
        }
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

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }
}
