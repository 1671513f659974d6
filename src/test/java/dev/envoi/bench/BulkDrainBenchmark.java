package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Draft;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 2: 1,000 queued 10 KB messages drained by the spooler through SmtpTransport, in
 * messages per second from the spooler's start until the sink has them all and the spooler is
 * idle (every message filed in Sent), against Jakarta Mail's stock {@code Transport.send} in a
 * loop. The baseline sends 200 per repetition, since it takes about 45 ms a message. Runs only
 * with -Pbench; asserts no rate.
 */
class BulkDrainBenchmark {

    private static final String BENCHMARK = "2. bulk drain";
    private static final int MESSAGES = 1000;
    private static final int BASELINE_MESSAGES = 200;
    private static final int REPETITIONS = Integer.getInteger("bench.repetitions", 3);

    @TempDir
    Path work;

    @Test
    void aThousandQueuedMessagesAgainstATransportSendLoop() throws Exception {
        try (SinkSmtpServer sink = SinkSmtpServer.start()) {
            List<Double> envoi = new ArrayList<>();
            List<Double> stock = new ArrayList<>();
            for (int r = 0; r < REPETITIONS; r++) {
                envoi.add(drain(sink, Files.createDirectory(work.resolve("profile-" + r))));
                stock.add(transportSendLoop(sink));
            }
            BenchReport.Figure figure = new BenchReport.Figure(BENCHMARK, MESSAGES + " queued 10 KB messages, drained",
                    Stats.of("msg/s", envoi)).against("Transport.send loop (stock)", Stats.of("msg/s", stock));
            figure.bar("≥ 10x the baseline", figure.ratioTo("Transport.send loop (stock)") >= 10).record();
        }
    }

    /** Queues the messages with the spooler stopped, then times the spooler emptying the outbox. */
    private double drain(SinkSmtpServer sink, Path profile) throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            for (int i = 0; i < MESSAGES; i++) {
                store.submit(new Draft(SmtpPeers.tenKilobytes(i)), SubmitOptions.undo(Duration.ZERO));
            }
            long before = sink.messages();
            long start = System.nanoTime();
            try (Spooler spooler = new Spooler(store, SmtpPeers.envoi(sink), store::readAttachment,
                    RetryPolicy.standard(), Clock.systemUTC(), TransferProgress.NONE)) {
                spooler.start();
                // Watch the sink, not the store: polling the database would contend with the spooler.
                assertTrue(sink.awaitMessages(before + MESSAGES, Duration.ofMinutes(5)));
                assertTrue(spooler.awaitIdle(Duration.ofMinutes(1)));
                long elapsed = System.nanoTime() - start;
                assertEquals(MESSAGES, store.sent().size(), "every message was filed in Sent");
                assertEquals(before + MESSAGES, sink.messages());
                return MESSAGES / (elapsed / 1e9);
            }
        }
    }

    private double transportSendLoop(SinkSmtpServer sink) throws Exception {
        Session session = SmtpPeers.stockSession(sink);
        List<MimeMessage> messages = new ArrayList<>();
        for (int i = 0; i < BASELINE_MESSAGES; i++) {
            messages.add(SmtpPeers.stockMessage(session, SmtpPeers.tenKilobytes(i)));
        }
        long before = sink.messages();
        long start = System.nanoTime();
        for (MimeMessage message : messages) {
            Transport.send(message);
        }
        long elapsed = System.nanoTime() - start;
        assertTrue(sink.awaitMessages(before + BASELINE_MESSAGES, Duration.ofSeconds(10)));
        return BASELINE_MESSAGES / (elapsed / 1e9);
    }
}
