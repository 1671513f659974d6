package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Draft;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.BigProfile;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SortingEveryMatch;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 8 (issue 21, bar 2), the store's side: a year of mail made by {@link BigProfile}
 * (100,000 sent, 50,000 known addresses, 2,000 drafts, 10,000 queued) against an empty profile in
 * the same run: auto-completion per keystroke, submit latency, draining the 10,000 queued against
 * 1,000 queued (in turn, 250 messages at a time, after a drain of 1,000 that warms the JIT:
 * {@link AlternatingDrains}), then hand-off latency with Sent grown to 110,000. The window's side is
 * {@link OutboxWindowBenchmark}. Runs only with -Pbench; asserts no time.
 */
class BigProfileBenchmark {

    private static final String BENCHMARK = "8. big profile";
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int WINDOW = Integer.getInteger("bench.drainWindow", 250);

    @TempDir
    Path work;

    @Test
    void aYearOfMailAgainstAnEmptyProfile() throws Exception {
        Path big = work.resolve("big");
        Path empty = work.resolve("empty");
        Path thousand = work.resolve("thousand");
        BigProfile.generate(big, BigProfile.Size.YEAR, 21);
        BigProfile.generate(empty, BigProfile.Size.EMPTY, 21);
        BigProfile.generate(thousand, new BigProfile.Size(0, 1, 0, 1_000, 10), 21);
        try (SinkSmtpServer sink = SinkSmtpServer.start();
             SqliteMessageStore bigStore = SqliteMessageStore.open(big);
             SqliteMessageStore emptyStore = SqliteMessageStore.open(empty)) {
            autoCompletion(bigStore, emptyStore, big);
            submits(bigStore, emptyStore);
            // The year's queue drains in place: the hand-offs then find Sent at 110,000.
            drains(sink, thousand, bigStore);
            handOffs(bigStore, emptyStore, sink);
        }
    }

    /**
     * Each keystroke of names the book holds, as the compose window asks at each one; beside it, in
     * turn, the query before the walk in use order (every match sorted) on the same book.
     */
    private void autoCompletion(SqliteMessageStore big, SqliteMessageStore empty, Path bigProfile) throws Exception {
        List<MailAddress> known = big.knownAddresses("a", 8);
        List<String> names = new ArrayList<>(List.of("anne", "bruno.", "zoé", "h", "karim.pa", "rose ", "léa."));
        known.forEach(a -> names.add(a.address().substring(0, Math.min(10, a.address().length()))));
        List<Long> bigNanos = new ArrayList<>();
        List<Long> emptyNanos = new ArrayList<>();
        List<Long> sortingNanos = new ArrayList<>();
        try (SortingEveryMatch sorting = SortingEveryMatch.open(bigProfile)) {
            for (int round = 0; round < 10; round++) {
                for (String name : names) {
                    for (int end = 1; end <= name.length(); end++) {
                        String prefix = name.substring(0, end);
                        bigNanos.add(time(() -> big.knownAddresses(prefix, 8)));
                        emptyNanos.add(time(() -> empty.knownAddresses(prefix, 8)));
                        sortingNanos.add(time(() -> sorting.matching(prefix, 8)));
                    }
                }
            }
        }
        BenchReport.Figure figure = new BenchReport.Figure(BENCHMARK, "auto-completion, one keystroke (50,000 addresses)",
                Stats.millis(bigNanos)).against("empty address book", Stats.millis(emptyNanos));
        Stats stats = figure.envoi();
        figure.bar("median ≤ 5 ms, p99 ≤ 16 ms", stats.median() <= 5 && stats.p99() <= 16).record();
        new BenchReport.Figure(BENCHMARK, "auto-completion, one keystroke, against the query before issue 21's walk",
                Stats.millis(bigNanos)).against("every match sorted by use (before), same book, in turn",
                Stats.millis(sortingNanos)).record();
    }

    private void submits(SqliteMessageStore big, SqliteMessageStore empty) {
        List<Long> bigNanos = new ArrayList<>();
        List<Long> emptyNanos = new ArrayList<>();
        SubmitOptions later = SubmitOptions.undo(Duration.ofSeconds(60));
        for (int i = 0; i < RUNS; i++) {
            Draft a = new Draft(SmtpPeers.tenKilobytes(i));
            Draft b = new Draft(SmtpPeers.tenKilobytes(i));
            // Which profile goes first changes each round: the second of a pair found the disk busy
            // with the first's fsync, and that had always been the empty profile.
            if (i % 2 == 0) {
                bigNanos.add(time(() -> big.submit(a, later)));
                emptyNanos.add(time(() -> empty.submit(b, later)));
            } else {
                emptyNanos.add(time(() -> empty.submit(b, later)));
                bigNanos.add(time(() -> big.submit(a, later)));
            }
        }
        BenchReport.Figure figure = new BenchReport.Figure(BENCHMARK, "save + submit, 10 KB, big profile",
                Stats.millis(bigNanos)).against("empty profile", Stats.millis(emptyNanos));
        figure.bar("≤ 1.1x", figure.ratioTo("empty profile") <= 1.1).record();
        // Out of the way of the drain: the messages just submitted go back to Drafts.
        for (var entry : big.outbox()) {
            if (entry.subject().startsWith("Ten kilobytes")) {
                big.abortSubmit(entry.id());
            }
        }
        for (var entry : empty.outbox()) {
            empty.abortSubmit(entry.id());
        }
    }

    /**
     * The year's 10,000 queued and 1,000 queued, drained in turn a window of {@code bench.drainWindow}
     * messages at a time (see {@link AlternatingDrains}); the bar is read on the windows' medians.
     */
    private void drains(SinkSmtpServer sink, Path thousand, SqliteMessageStore big) throws Exception {
        AlternatingDrains.Result result = new AlternatingDrains(work, sink).run(big, 10_000, thousand, 1_000, WINDOW);
        BenchReport.Figure rate = new BenchReport.Figure(BENCHMARK, "draining 10,000 queued, per message "
                + "(windows of " + WINDOW + " in turn with the 1,000)", Stats.of("msg/s", result.year().rates()))
                .against("draining 1,000 queued", Stats.of("msg/s", result.small().rates()));
        double ratio = rate.ratioTo("draining 1,000 queued");
        rate.bar("the same rate ±10%", ratio >= 0.9 && ratio <= 1.1).record();
        new BenchReport.Figure(BENCHMARK, "draining 10,000 queued, spooler thread CPU per message (same windows)",
                Stats.of("ms", result.year().cpuMillis()))
                .against("draining 1,000 queued", Stats.of("ms", result.small().cpuMillis())).record();
        // Each window of the year against the 1,000's window just before it: the load of the moment cancels.
        List<Double> pairs = new ArrayList<>();
        for (int i = 0; i < result.year().rates().size(); i++) {
            pairs.add(result.year().rates().get(i) / result.small().rates().get(i));
        }
        Stats paired = Stats.of("x", pairs);
        BenchReport.note(BENCHMARK, String.format("drain windows in pairs (10,000's window / the 1,000's just before): "
                + "median %.3fx [%.3f–%.3f], n=%d", paired.median(), paired.p10(), paired.p90(), paired.samples()));
        int half = result.year().rates().size() / 2;
        BenchReport.note(BENCHMARK, String.format("drain windows, 10,000 queued: median %.0f msg/s over the first half "
                        + "(10,000 → 5,000 queued), %.0f over the second",
                Stats.of("msg/s", result.year().rates().subList(0, half)).median(),
                Stats.of("msg/s", result.year().rates().subList(half, result.year().rates().size())).median()));
    }

    /** Submit returned → the sink's 250, one message at a time, alternating the two profiles. */
    private void handOffs(SqliteMessageStore big, SqliteMessageStore empty, SinkSmtpServer sink) throws Exception {
        LinkedBlockingQueue<Long> accepted = new LinkedBlockingQueue<>();
        sink.onAccepted(accepted::add);
        List<Long> bigNanos = new ArrayList<>();
        List<Long> emptyNanos = new ArrayList<>();
        try (Spooler bigSpooler = spooler(big, sink); Spooler emptySpooler = spooler(empty, sink)) {
            for (int i = 0; i < RUNS / 2 + 20; i++) {
                // Each hand-off starts with both spoolers idle: the other profile's filing in Sent,
                // after its 250, used to run beside it. Which goes first changes each round.
                boolean bigFirst = i % 2 == 0;
                long first = handOff(bigFirst ? big : empty, accepted, i, bigSpooler, emptySpooler);
                long second = handOff(bigFirst ? empty : big, accepted, i, bigSpooler, emptySpooler);
                long b = bigFirst ? first : second;
                long e = bigFirst ? second : first;
                if (i >= 20) {
                    bigNanos.add(b);
                    emptyNanos.add(e);
                }
            }
        }
        BenchReport.Figure figure = new BenchReport.Figure(BENCHMARK, "hand-off, 10 KB, submit returned → 250, "
                + "Sent at 110,000", Stats.millis(bigNanos)).against("empty profile", Stats.millis(emptyNanos));
        figure.bar("≤ 1.1x", figure.ratioTo("empty profile") <= 1.1).record();
    }

    private static Spooler spooler(SqliteMessageStore store, SinkSmtpServer sink) {
        Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment, RetryPolicy.standard(),
                Clock.systemUTC(), TransferProgress.NONE);
        spooler.start();
        return spooler;
    }

    private static long handOff(SqliteMessageStore store, LinkedBlockingQueue<Long> accepted, int i,
                                Spooler... quiet) throws Exception {
        for (Spooler spooler : quiet) {
            assertTrue(spooler.awaitIdle(Duration.ofSeconds(30)), "the spooler finished the message before");
        }
        Draft draft = new Draft(SmtpPeers.tenKilobytes(i));
        store.submit(draft, SubmitOptions.undo(Duration.ZERO));
        long returned = System.nanoTime();
        Long at = accepted.poll(30, TimeUnit.SECONDS);
        assertTrue(at != null, "the message was delivered");
        return at - returned;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

}
