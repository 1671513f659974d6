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
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 1: hand-off latency of a 10 KB message, from {@code submit} returning to the sink
 * writing its 250 reply to the end of data, through the real store, spooler and SmtpTransport with
 * an undo window of 0; against Jakarta Mail's stock {@code Transport.send} and msmtp (when
 * installed), timed from their start to the same 250. Runs only with -Pbench; asserts no time.
 */
class HandOffLatencyBenchmark {

    private static final String BENCHMARK = "1. hand-off latency";
    private static final int WARMUP = 50;
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    private static final int PROCESS_RUNS = 50;

    @TempDir
    Path profile;

    private final BlockingQueue<Long> accepted = new ArrayBlockingQueue<>(16);

    @Test
    void submitToTwoFiftyAgainstTransportSendAndMsmtp() throws Exception {
        try (SinkSmtpServer sink = SinkSmtpServer.start()) {
            sink.onAccepted(accepted::add);
            Stats envoi = envoi(sink);
            recordBreakdown();
            Stats stock = transportSend(sink);
            Stats floor = keptConnection(sink);
            Stats page = durablePage();
            Stats lean = leanBound(sink, profile);
            Stats leanNothingDurable = leanBound(sink, null);
            BenchReport.Figure figure = new BenchReport.Figure(BENCHMARK, "10 KB, submit returned → 250", envoi)
                    .against("Jakarta Mail Transport.send (stock)", stock);
            new BenchReport.Figure(BENCHMARK, "10 KB, submit returned → 250 (hand-off record included)", envoi)
                    .against(KeptConnectionFloor.NAME, floor)
                    .bar("median ≤ 1.3x the floor", envoi.median() <= 1.3 * floor.median()).record();
            // Whether bar 3 can be met at all on this disk with the hand-off recorded durably.
            new BenchReport.Figure(BENCHMARK, "the least a durable record costs: " + DurablePage.NAME, page)
                    .against(KeptConnectionFloor.NAME, floor).record();
            double pageToFloor = page.median() / floor.median();
            BenchReport.note(BENCHMARK, String.format("one durable page alone is %.2fx the floor's median; with "
                    + "the record before the end of data, Envoi's hand-off is at least %.2fx the floor, and at least "
                    + "%.2fx even if the record were written while the data is sent; bar 3 leaves it 0.3x",
                    pageToFloor, 1 + pageToFloor, Math.max(1, pageToFloor)));
            // Whether any design could meet bar 3 here: everything that can leave the path left it.
            new BenchReport.Figure(BENCHMARK, "the least a hand-off with its durable record could take: "
                    + LeanHandOffBound.NAME, lean).against(KeptConnectionFloor.NAME, floor)
                    .bar("median ≤ 1.3x the floor", lean.median() <= 1.3 * floor.median()).record();
            new BenchReport.Figure(BENCHMARK, "the same bound with nothing durable", leanNothingDurable)
                    .against(KeptConnectionFloor.NAME, floor).record();
            Optional<Path> msmtp = SmtpPeers.installed("msmtp");
            if (msmtp.isPresent()) {
                figure = figure.against("msmtp", msmtp(msmtp.get(), sink));
            } else {
                BenchReport.note(BENCHMARK, "msmtp is not installed, so it was not measured");
            }
            figure.bar("median ≤ 5 ms", envoi.median() <= 5).record();
        }
    }

    private final List<Long> queueNanos = new ArrayList<>();
    private final List<Long> streamNanos = new ArrayList<>();
    private final List<Long> handOffNanos = new ArrayList<>();
    private final List<Long> replyNanos = new ArrayList<>();

    private Stats envoi(SinkSmtpServer sink) throws Exception {
        List<Long> nanos = new ArrayList<>();
        TimedTransport transport = new TimedTransport(SmtpPeers.envoi(sink));
        try (SqliteMessageStore store = SqliteMessageStore.open(profile);
             Spooler spooler = new Spooler(store, transport, store::readAttachment, RetryPolicy.standard(),
                     Clock.systemUTC(), TransferProgress.NONE)) {
            spooler.start();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                store.submit(new Draft(SmtpPeers.tenKilobytes(i)), SubmitOptions.undo(Duration.ZERO));
                long submitted = System.nanoTime();
                long replied = awaitReply();
                if (i >= WARMUP) {
                    nanos.add(replied - submitted);
                    queueNanos.add(transport.started - submitted);
                    streamNanos.add(transport.handOffCalled - transport.started);
                    handOffNanos.add(transport.handOffRecorded - transport.handOffCalled);
                    replyNanos.add(replied - transport.handOffRecorded);
                }
                // One message at a time: the next submit waits until this one is filed in Sent.
                assertTrue(spooler.awaitIdle(Duration.ofSeconds(30)));
            }
            assertEquals(WARMUP + RUNS, store.sent().size());
        }
        return Stats.millis(nanos);
    }

    /** Where Envoi's latency goes, stage by stage. */
    private void recordBreakdown() {
        new BenchReport.Figure(BENCHMARK, "Envoi stage: submit returned → transfer starts (wake, lock)",
                Stats.millis(queueNanos)).record();
        new BenchReport.Figure(BENCHMARK, "Envoi stage: transfer starts → hand-off point (MIME, RSET, envelope, data)",
                Stats.millis(streamNanos)).record();
        new BenchReport.Figure(BENCHMARK, "Envoi stage: hand-off recorded durably", Stats.millis(handOffNanos)).record();
        new BenchReport.Figure(BENCHMARK, "Envoi stage: hand-off recorded → 250 written by the sink",
                Stats.millis(replyNanos)).record();
    }

    private Stats transportSend(SinkSmtpServer sink) throws Exception {
        Session session = SmtpPeers.stockSession(sink);
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            MimeMessage message = SmtpPeers.stockMessage(session, SmtpPeers.tenKilobytes(i));
            long start = System.nanoTime();
            Transport.send(message);
            long replied = awaitReply();
            if (i >= WARMUP) {
                nanos.add(replied - start);
            }
        }
        return Stats.millis(nanos);
    }

    /** The floor, timed like Transport.send: from the call to the sink's 250. */
    private Stats keptConnection(SinkSmtpServer sink) throws Exception {
        List<Long> nanos = new ArrayList<>();
        try (KeptConnectionFloor floor = new KeptConnectionFloor(sink)) {
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long start = System.nanoTime();
                floor.send();
                long replied = awaitReply();
                if (i >= WARMUP) {
                    nanos.add(replied - start);
                }
            }
        }
        return Stats.millis(nanos);
    }

    /** {@link LeanHandOffBound}, timed like the floor: from the hand-off to the sink's 250. */
    private Stats leanBound(SinkSmtpServer sink, Path recordFolder) throws Exception {
        List<Long> nanos = new ArrayList<>();
        try (LeanHandOffBound bound = new LeanHandOffBound(sink, recordFolder)) {
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long start = System.nanoTime();
                bound.handOff(i);
                long replied = awaitReply();
                if (i >= WARMUP) {
                    nanos.add(replied - start);
                }
            }
        }
        return Stats.millis(nanos);
    }

    /** The durable-record floor, timed alone in the same run: see {@link DurablePage}. */
    private Stats durablePage() throws Exception {
        List<Long> nanos = new ArrayList<>();
        try (DurablePage page = new DurablePage(profile)) {
            for (int i = 0; i < WARMUP + RUNS; i++) {
                long start = System.nanoTime();
                page.write(i);
                if (i >= WARMUP) {
                    nanos.add(System.nanoTime() - start);
                }
            }
        }
        return Stats.millis(nanos);
    }

    private Stats msmtp(Path msmtp, SinkSmtpServer sink) throws Exception {
        Path message = profile.resolve("message.eml");
        Files.writeString(message, "From: " + SmtpPeers.FROM.address() + "\r\nTo: " + SmtpPeers.TO
                + "\r\nSubject: msmtp\r\n\r\n" + SmtpPeers.tenKilobytes(0).body().replace("\n", "\r\n"));
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 5 + PROCESS_RUNS; i++) {
            ProcessBuilder builder = new ProcessBuilder(msmtp.toString(), "--host=" + sink.host(),
                    "--port=" + sink.port(), "--auth=off", "--tls=off", "--from=" + SmtpPeers.FROM.address(),
                    SmtpPeers.TO).redirectInput(message.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            long start = System.nanoTime();
            Process process = builder.start();
            long replied = awaitReply();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), "msmtp exit status");
            if (i >= 5) {
                nanos.add(replied - start);
            }
        }
        return Stats.millis(nanos);
    }

    private long awaitReply() throws InterruptedException {
        Long at = accepted.poll(30, TimeUnit.SECONDS);
        if (at == null) {
            throw new AssertionError("the sink never accepted the message");
        }
        return at;
    }
}
