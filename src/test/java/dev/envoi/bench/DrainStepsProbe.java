package dev.envoi.bench;

import dev.envoi.store.QueuedMessage;
import dev.envoi.store.SqliteMessageStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A diagnostic for benchmark 8's drain row, run by hand: the spooler's three store steps per
 * message (take the next due, record the hand-off, file in Sent) without a transport, on the
 * profiles given in turn, a window of messages from each at a time, with this thread's CPU time
 * per step. Separates the store's share of a delivered message from the transport's.
 *
 * <p>{@code java -cp ... dev.envoi.bench.DrainStepsProbe WINDOW ROUNDS DIR...} (each DIR a profile copy).
 */
public final class DrainStepsProbe {

    private DrainStepsProbe() {
    }

    public static void main(String[] args) throws Exception {
        int window = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SqliteMessageStore[] stores = new SqliteMessageStore[args.length - 2];
        for (int i = 0; i < stores.length; i++) {
            stores[i] = SqliteMessageStore.open(Path.of(args[i + 2]));
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < stores.length; i++) {
                long[] cpu = new long[3];
                long wallStart = System.nanoTime();
                for (int m = 0; m < window; m++) {
                    long t0 = threads.getCurrentThreadCpuTime();
                    Optional<QueuedMessage> next = stores[i].lockNextDue(Instant.now());
                    long t1 = threads.getCurrentThreadCpuTime();
                    QueuedMessage message = next.orElseThrow();
                    stores[i].recordHandOff(message.id());
                    long t2 = threads.getCurrentThreadCpuTime();
                    stores[i].markDelivered(message.id(), "250 2.0.0 Ok", Instant.now(), true, "");
                    long t3 = threads.getCurrentThreadCpuTime();
                    cpu[0] += t1 - t0;
                    cpu[1] += t2 - t1;
                    cpu[2] += t3 - t2;
                }
                long wall = System.nanoTime() - wallStart;
                System.out.printf("round %d %s: CPU per message: lock %.1f µs, hand-off %.1f µs, file %.1f µs; wall %.1f µs%n",
                        round, Path.of(args[i + 2]).getFileName(), cpu[0] / 1e3 / window, cpu[1] / 1e3 / window,
                        cpu[2] / 1e3 / window, wall / 1e3 / window);
            }
        }
        for (SqliteMessageStore store : stores) {
            store.close();
        }
    }
}
