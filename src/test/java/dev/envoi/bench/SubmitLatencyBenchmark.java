package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 4: save + submit, durable, for a 10 KB message and for one with a 25 MiB attachment
 * already in the vault, against the physical floor: one write and fsync of the same bytes.
 * Runs only with -Pbench; it asserts no time.
 */
class SubmitLatencyBenchmark {

    private static final int WARMUP = 500;
    private static final int RUNS = 500;

    @TempDir
    Path profile;

    @Test
    void submitOfATenKilobyteMessageAgainstOneFsync() throws Exception {
        String body = "x".repeat(10 * 1024);
        Action floorWrite = fsync(body.getBytes());
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            // Interleaved, one of each in turn: the disk's fsync time drifts by 2x between minutes
            // here, and two blocks measured minutes apart gave ratios from 1.5x to 3.3x.
            Stats[] both = measureInterleaved(RUNS, floorWrite, () -> store.submit(
                    new Draft(Drafts.simple("bench").withBody(body)), SubmitOptions.DEFAULT));
            Stats floor = both[0];
            Stats submit = both[1];
            BenchReport.Figure figure = new BenchReport.Figure("4. submit latency", "save + submit, 10 KB", submit)
                    .against("write + fsync 10 KB", floor);
            figure.bar("median ≤ 3x one fsync", figure.ratioTo("write + fsync 10 KB") <= 3).record();
            assertEquals(RUNS, submit.samples());
        }
    }

    @Test
    void submitWithATwentyFiveMebibyteAttachment() throws Exception {
        Stats floor = fsyncFloor(new byte[25 << 20], 10);
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Attachment attachment = store.importAttachment("video.mp4", randomStream(25L << 20));
            Stats submit = measure(20, () -> store.submit(new Draft(Drafts.simple("big").withAttachments(
                    List.of(attachment))), SubmitOptions.DEFAULT));
            new BenchReport.Figure("4. submit latency", "save + submit, 25 MiB attachment in vault", submit)
                    .against("write + fsync 25 MiB", floor).record();
        }
    }

    private Stats fsyncFloor(byte[] bytes, int runs) throws Exception {
        return measure(runs, fsync(bytes));
    }

    /** The floor: one write of the bytes to a file, and an fsync. */
    private Action fsync(byte[] bytes) {
        Path file = profile.resolve("floor.bin");
        return () -> {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(bytes));
                channel.force(true);
            }
        };
    }

    interface Action {
        void run() throws Exception;
    }

    static Stats measure(int runs, Action action) throws Exception {
        for (int i = 0; i < Math.min(WARMUP, runs); i++) {
            action.run();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            nanos.add(timed(action));
        }
        return Stats.millis(nanos);
    }

    /** Both actions, warmed up, then timed one after the other, runs times each. */
    static Stats[] measureInterleaved(int runs, Action first, Action second) throws Exception {
        for (int i = 0; i < Math.min(WARMUP, runs); i++) {
            first.run();
            second.run();
        }
        List<Long> firstNanos = new ArrayList<>();
        List<Long> secondNanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            firstNanos.add(timed(first));
            secondNanos.add(timed(second));
        }
        return new Stats[] {Stats.millis(firstNanos), Stats.millis(secondNanos)};
    }

    private static long timed(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    static InputStream randomStream(long size) {
        Random random = new Random(size);
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return random.nextInt(256);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                byte[] chunk = new byte[n];
                random.nextBytes(chunk);
                System.arraycopy(chunk, 0, buffer, offset, n);
                left -= n;
                return n;
            }
        };
    }
}
