package dev.envoi.transport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes bytes through while asking the gate, every few dozen kilobytes, whether the user has
 * cancelled; a cancel surfaces as {@link CancelledIOException} so it can cross stream code.
 */
final class GatedOutputStream extends FilterOutputStream {

    private static final long CHECK_EVERY = 64 * 1024;

    private final HandOffGate gate;
    private final long expectedTotal;
    private long written;
    private long nextCheck = CHECK_EVERY;

    GatedOutputStream(OutputStream out, HandOffGate gate, long expectedTotal) {
        super(out);
        this.gate = gate;
        this.expectedTotal = expectedTotal;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        advance(1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        advance(length);
    }

    long written() {
        return written;
    }

    private void advance(int n) throws IOException {
        written += n;
        if (written >= nextCheck) {
            nextCheck = written + CHECK_EVERY;
            try {
                gate.checkNotCancelled();
            } catch (TransferCancelledException e) {
                throw new CancelledIOException(e);
            }
            gate.progress(written, Math.max(expectedTotal, written));
        }
    }

    /** A cancel seen while writing, carried through code that only throws IOException. */
    static final class CancelledIOException extends IOException {
        CancelledIOException(TransferCancelledException cause) {
            super(cause.getMessage(), cause);
        }

        TransferCancelledException cancel() {
            return (TransferCancelledException) getCause();
        }
    }
}
