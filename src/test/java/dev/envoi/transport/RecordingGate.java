package dev.envoi.transport;

import java.util.concurrent.atomic.AtomicBoolean;

/** A gate for transport tests: records the hand-off, and can be told to refuse it or to cancel. */
final class RecordingGate implements HandOffGate {

    final AtomicBoolean cancelled = new AtomicBoolean();
    final AtomicBoolean handedOff = new AtomicBoolean();
    volatile boolean refuseHandOff;
    volatile long lastProgress;

    @Override
    public void checkNotCancelled() throws TransferCancelledException {
        if (cancelled.get()) {
            throw new TransferCancelledException("cancelled by the test");
        }
    }

    @Override
    public void handOff() throws TransferCancelledException {
        checkNotCancelled();
        if (refuseHandOff) {
            throw new TransferCancelledException("hand-off refused by the test");
        }
        handedOff.set(true);
    }

    @Override
    public void progress(long written, long total) {
        lastProgress = written;
    }
}
