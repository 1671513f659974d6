package dev.envoi.bench;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.Recipient;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SentRetention;
import dev.envoi.store.SqliteMessageStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 21, bar 5: many messages through the real store, spooler and SmtpTransport to the sink,
 * one in a hundred refused for good and one in a hundred told to try later, one in ten with its
 * own attachment, Sent kept to its last {@code keepSent} messages. Messages go in chunks: a chunk
 * is submitted (each submit durable) and sent, and its time, the WAL's size and the database's
 * size are noted after it. The store's and spooler's clock runs an hour ahead, so the vault's
 * ten-minute grace for files just imported does not hide what retention should have freed.
 */
final class Soak {

    /** What the soak saw after each chunk. */
    record Chunk(double millisPerMessage, long walBytes, long databaseBytes, long keptMessages) {
    }

    record Result(List<Chunk> chunks, long delivered, long refused) {
    }

    private Soak() {
    }

    static Result run(Path profile, int total, int chunk, int keepSent) throws Exception {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        List<Chunk> chunks = new ArrayList<>();
        long refused = 0;
        try (SinkSmtpServer sink = SinkSmtpServer.start();
             SqliteMessageStore store = SqliteMessageStore.open(profile, ahead)) {
            store.settings().setSentRetention(SentRetention.messages(keepSent));
            RetryPolicy quickRetry = new RetryPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 0, new Random(21));
            try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment, quickRetry, ahead,
                    TransferProgress.NONE)) {
                spooler.start();
                for (int first = 0; first < total; first += chunk) {
                    long start = System.nanoTime();
                    for (int n = first; n < first + chunk; n++) {
                        refused += submit(store, n) ? 0 : 1;
                    }
                    long expected = first + chunk - refused;
                    if (!sink.awaitMessages(expected, Duration.ofMinutes(5))) {
                        throw new AssertionError("the sink has " + sink.messages() + " of " + expected + " messages");
                    }
                    long elapsed = System.nanoTime() - start;
                    chunks.add(new Chunk(elapsed / 1e6 / chunk, size(profile, "envoi.db-wal"), size(profile, "envoi.db"),
                            store.sentCount() + store.drafts().size()));
                }
                if (!spooler.awaitIdle(Duration.ofMinutes(1))) {
                    throw new AssertionError("the spooler did not settle");
                }
            }
            waitForRefusals(store, refused);
            store.applySentRetention();
            return new Result(chunks, sink.messages(), refused);
        }
    }

    /** Submits message {@code n}; false for one the sink will refuse. */
    private static boolean submit(SqliteMessageStore store, int n) {
        String to = n % 100 == 7 ? "refuse-" + n + "@example.org" : n % 100 == 13 ? "retry-" + n + "@example.org"
                : SmtpPeers.TO;
        List<Attachment> files = n % 10 == 3
                ? List.of(store.importAttachment("report-" + n + ".txt", new ByteArrayInputStream(
                        ("report " + n + "\n").repeat(200).getBytes(StandardCharsets.UTF_8))))
                : List.of();
        String body = ("Soak message " + n + ", a few lines of ordinary text.\n").repeat(40);
        DraftContent content = new DraftContent(SmtpPeers.FROM, List.of(Recipient.to(to)), "Soak " + n, body, files);
        store.submit(new Draft(content), SubmitOptions.undo(Duration.ZERO));
        return n % 100 != 7;
    }

    /** Refused messages go back to Drafts; the last ones may still be on their way there. */
    private static void waitForRefusals(SqliteMessageStore store, long refused) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (store.drafts().size() < refused && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static long size(Path profile, String file) throws IOException {
        Path path = profile.resolve(file);
        return Files.exists(path) ? Files.size(path) : 0;
    }
}
