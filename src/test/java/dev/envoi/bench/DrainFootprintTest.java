package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Draft;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.BigProfile;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 8's drain row (issue 21, bar 2) without a clock: what delivering a message writes to
 * the database must not grow with what the profile already holds. The same 200 messages, submitted
 * through the real store, go through the real spooler and SmtpTransport to the sink from a profile
 * with nothing else and from one with 30,000 sent; the database pages that differ afterwards
 * (each is written to the WAL, then by a checkpoint) are counted per message. Random message ids
 * put each new id, and each id's history, on a page of its own in indexes as large as all the mail
 * ever sent (about three more pages a message at 30,000; at 100,000 the drain ran at 0.45x).
 */
class DrainFootprintTest {

    private static final int QUEUED = 200;
    private static final int PAGE = 4096;

    @TempDir
    Path work;

    @Test
    @Timeout(600)
    void aDeliveredMessageWritesAsManyPagesInABigProfileAsInAnEmptyOne() throws Exception {
        double empty = pagesWrittenPerMessage(work.resolve("empty"), 0);
        double big = pagesWrittenPerMessage(work.resolve("big"), 30_000);
        String figures = String.format("pages written per delivered message: %.2f with 30,000 sent, %.2f with none",
                big, empty);
        System.out.println(figures);
        assertTrue(big <= 1.25 * empty, figures);
    }

    private static double pagesWrittenPerMessage(Path profile, int sent) throws Exception {
        BigProfile.generate(profile, new BigProfile.Size(sent, 100, 0, 0, 10), 21);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (int i = 0; i < QUEUED; i++) {
                store.submit(new Draft(SmtpPeers.tenKilobytes(i)), SubmitOptions.undo(Duration.ZERO));
            }
        }
        // Closing the last connection checkpoints the WAL into the file and removes it.
        Path file = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        List<byte[]> before = pages(file);
        assertTrue(Files.notExists(Path.of(file + "-wal")), "the WAL was checkpointed into the file");
        try (SinkSmtpServer sink = SinkSmtpServer.start();
             SqliteMessageStore store = SqliteMessageStore.open(profile);
             Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment,
                     RetryPolicy.standard(), Clock.systemUTC(), TransferProgress.NONE)) {
            spooler.start();
            assertTrue(sink.awaitMessages(QUEUED, Duration.ofMinutes(5)), "every queued message went");
            assertTrue(spooler.awaitIdle(Duration.ofMinutes(1)));
        }
        assertTrue(Files.notExists(Path.of(file + "-wal")), "the WAL was checkpointed into the file");
        List<byte[]> after = pages(file);
        int changed = 0;
        for (int i = 0; i < after.size(); i++) {
            if (i >= before.size() || !Arrays.equals(before.get(i), after.get(i))) {
                changed++;
            }
        }
        return changed / (double) QUEUED;
    }

    private static List<byte[]> pages(Path file) throws IOException {
        List<byte[]> pages = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] page;
            while ((page = in.readNBytes(PAGE)).length > 0) {
                pages.add(page);
            }
        }
        return pages;
    }
}
