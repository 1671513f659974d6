package dev.envoi.bench;

import dev.envoi.message.EntryId;
import dev.envoi.transport.DeliveryOptions;
import dev.envoi.transport.MimeAssembler;
import dev.envoi.transport.OutgoingMessage;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * A diagnostic for the hand-off path's assembly, run by hand: the CPU time of assembling the 10 KB
 * message of benchmark 1 and writing it out (to nowhere), per message, after a warm-up.
 *
 * <p>{@code java -cp ... dev.envoi.bench.AssembleProbe [N]}
 */
public final class AssembleProbe {

    private AssembleProbe() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        MimeAssembler assembler = new MimeAssembler();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OutputStream nowhere = OutputStream.nullOutputStream();
        for (int round = 0; round < 3; round++) {
            long assembleCpu = 0;
            long writeCpu = 0;
            for (int i = 0; i < runs; i++) {
                OutgoingMessage message = new OutgoingMessage(EntryId.random(), "<" + i + "@example.org>", Instant.now(),
                        SmtpPeers.tenKilobytes(i), a -> null, DeliveryOptions.NONE);
                long start = threads.getCurrentThreadCpuTime();
                MimeMessage mime = assembler.assemble(message);
                long assembled = threads.getCurrentThreadCpuTime();
                mime.writeTo(nowhere);
                long written = threads.getCurrentThreadCpuTime();
                assembleCpu += assembled - start;
                writeCpu += written - assembled;
            }
            System.out.printf("round %d: assemble %.1f µs, write %.1f µs CPU per message%n", round,
                    assembleCpu / 1e3 / runs, writeCpu / 1e3 / runs);
        }
    }
}
