package dev.envoi.bench;

import dev.envoi.transport.HandOffGate;
import dev.envoi.transport.HandOffReceipt;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.TransferCancelledException;
import dev.envoi.transport.TransferException;
import dev.envoi.transport.Transport;

/**
 * Wraps a transport to note when each transfer starts and when the hand-off point is reached and
 * recorded, so a latency can be split into queue, streaming, the durable hand-off and the reply.
 */
final class TimedTransport implements Transport {

    /** System.nanoTime() of the last transfer's milestones. */
    volatile long started;
    volatile long handOffCalled;
    volatile long handOffRecorded;
    /** The transferring thread's CPU time at the start and at the hand-off point (diagnostics). */
    volatile long startedCpu;
    volatile long handOffCalledCpu;

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final Transport inner;

    TimedTransport(Transport inner) {
        this.inner = inner;
    }

    @Override
    public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        started = System.nanoTime();
        startedCpu = CPU.getCurrentThreadCpuTime();
        return inner.transfer(message, new HandOffGate() {
            @Override
            public void checkNotCancelled() throws TransferCancelledException {
                gate.checkNotCancelled();
            }

            @Override
            public void handOff() throws TransferCancelledException {
                handOffCalled = System.nanoTime();
                handOffCalledCpu = CPU.getCurrentThreadCpuTime();
                gate.handOff();
                handOffRecorded = System.nanoTime();
            }

            @Override
            public void progress(long written, long total) {
                gate.progress(written, total);
            }
        });
    }

    @Override
    public void close() {
        inner.close();
    }
}
