package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.store.ProfileAudit;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 9 (issue 21, bar 5): 100,000 messages through the spooler to the sink (1% refused,
 * 1% retried, one in ten with an attachment, Sent kept to its last 10,000), in chunks of 1,000.
 * The time per message of the last 10,000 against the first 10,000; the WAL's size after each
 * chunk; the database's size per message it keeps, at the end against when Sent first reached its
 * limit; the vault's files no message uses at the end. {@code -Dbench.soak=N} sends fewer.
 * Runs only with -Pbench; asserts no time.
 */
class SoakBenchmark {

    private static final String BENCHMARK = "9. soak";
    private static final int TOTAL = Integer.getInteger("bench.soak", 100_000);
    private static final int CHUNK = 1_000;
    private static final int KEEP = 10_000;

    @TempDir
    Path profile;

    @Test
    void aHundredThousandMessagesAtAFlatPace() throws Exception {
        Soak.Result result = Soak.run(profile, TOTAL, CHUNK, KEEP);
        assertEquals(TOTAL - result.refused(), result.delivered(), "every message not refused was delivered");
        List<Soak.Chunk> chunks = result.chunks();
        int window = Math.max(1, Math.min(10, chunks.size() / 5));
        List<Soak.Chunk> first = chunks.subList(0, window);
        List<Soak.Chunk> last = chunks.subList(chunks.size() - window, chunks.size());
        String firstName = "first " + window * CHUNK + " messages";
        BenchReport.Figure pace = new BenchReport.Figure(BENCHMARK, "time per message, last " + window * CHUNK
                + " of " + TOTAL + " (per chunk of " + CHUNK + ")", Stats.of("ms", millis(last)))
                .against(firstName, Stats.of("ms", millis(first)));
        pace.bar("≤ 1.1x the first", pace.ratioTo(firstName) <= 1.1).record();

        double largestWal = mib(chunks.stream().mapToLong(Soak.Chunk::walBytes).max().orElse(0));
        BenchReport.Figure wal = new BenchReport.Figure(BENCHMARK, "WAL size after each chunk, second half",
                Stats.of("MiB", chunks.subList(chunks.size() / 2, chunks.size()).stream()
                        .map(c -> mib(c.walBytes())).toList()))
                .against("first half", Stats.of("MiB", chunks.subList(0, Math.max(1, chunks.size() / 2)).stream()
                        .map(c -> mib(c.walBytes())).toList()));
        wal.bar("bounded: never over 16 MiB (largest " + Stats.format(largestWal) + ")", largestWal <= 16).record();

        int engaged = Math.min(chunks.size() - 1, KEEP / CHUNK);
        Soak.Chunk atLimit = chunks.get(engaged);
        Soak.Chunk end = chunks.get(chunks.size() - 1);
        BenchReport.Figure disk = new BenchReport.Figure(BENCHMARK, "database bytes per message kept, at the end",
                Stats.of("KiB", perKept(end))).against("when Sent first reached " + KEEP, Stats.of("KiB", perKept(atLimit)));
        disk.bar("linear: ≤ 1.2x", disk.ratioTo("when Sent first reached " + KEEP) <= 1.2).record();

        ProfileAudit audit = ProfileAudit.of(profile);
        new BenchReport.Figure(BENCHMARK, "vault files no message uses, at the end (of " + audit.vaultFiles() + ")",
                Stats.of("files", audit.orphanFiles())).bar("none", audit.orphanFiles() == 0 && audit.missingFiles() == 0)
                .record();
        BenchReport.note(BENCHMARK, result.delivered() + " delivered, " + result.refused() + " refused; at the end "
                + audit.messages() + " messages kept, " + end.databaseBytes() / 1024 / 1024 + " MiB database");
    }

    private static List<Double> millis(List<Soak.Chunk> chunks) {
        return chunks.stream().map(Soak.Chunk::millisPerMessage).toList();
    }

    private static double perKept(Soak.Chunk chunk) {
        return chunk.databaseBytes() / 1024.0 / Math.max(1, chunk.keptMessages());
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
