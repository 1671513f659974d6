package dev.envoi.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The message data of one SMTP transaction, between Angus's DATA command and its end-of-data
 * marker, made transparent as RFC 5321 section 4.5.2 asks: every line end becomes CRLF, a dot that
 * starts a line is doubled, and the data ends at the start of a line.
 *
 * <p>The output is byte for byte what Angus's {@code SMTPOutputStream} writes (a test compares
 * them on hostile input), but made in one pass, in 64 KiB writes. Angus's stream scans every byte
 * twice and hands each line to a synchronized buffer on its own: for a 256 MiB attachment, half a
 * second of the sending thread. An attachment's base64 lines, which can hold neither a bare CR or
 * LF nor a dot at the start of a line, skip the scan entirely ({@link #writeBase64Lines}).
 *
 * <p>{@link #flush()} sends nothing, as in Angus: Jakarta Mail flushes after each part, and the
 * data must not leave in small pieces. {@link #finish()} sends the rest before the marker.
 */
final class SmtpDataStream extends OutputStream {

    static final int BUFFER_BYTES = 64 * 1024;
    /** The "previous byte" at the start of the data, which is the start of a line. */
    private static final int START = -1;

    private final OutputStream wire;
    private final byte[] buffer;
    private int count;
    /** The last byte given to this stream, before translation. */
    private int previous = START;
    private long passedUnscanned;

    SmtpDataStream(OutputStream wire) {
        this(wire, BUFFER_BYTES);
    }

    /** A smaller buffer lets tests cross its edge often. */
    SmtpDataStream(OutputStream wire, int bufferBytes) {
        this.wire = wire;
        this.buffer = new byte[bufferBytes];
    }

    @Override
    public void write(int b) throws IOException {
        byte c = (byte) b;
        if (previous == '\r' && c != '\n') {
            put('\n');
        } else if (c == '\n' && previous != '\r') {
            put('\r');
        }
        if (c == '.' && atLineStart(previous)) {
            put('.');
        }
        put(c);
        previous = c;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int end = offset + length;
        int run = offset;
        int p = previous;
        for (int i = offset; i < end; i++) {
            byte c = bytes[i];
            if (c == '\n') {
                if (p != '\r') {
                    copy(bytes, run, i - run);
                    put('\r');
                    run = i;
                }
            } else {
                if (p == '\r') {
                    copy(bytes, run, i - run);
                    put('\n');
                    run = i;
                }
                if (c == '.' && atLineStart(p)) {
                    copy(bytes, run, i - run);
                    put('.');
                    run = i;
                }
            }
            p = c;
        }
        copy(bytes, run, end - run);
        previous = p;
    }

    /**
     * Passes an attachment's base64 lines on as they are: the JDK's encoder writes only the base64
     * alphabet and CRLF, so there is nothing to translate as long as they begin a line.
     */
    void writeBase64Lines(Base64LinesInputStream lines) throws IOException {
        if (!atLineStart(previous) || previous == '\r') {
            lines.transferTo(this);
            return;
        }
        drain();
        int n;
        while ((n = lines.read(buffer, 0, buffer.length)) > 0) {
            wire.write(buffer, 0, n);
            passedUnscanned += n;
            previous = buffer[n - 1];
        }
    }

    /** Bytes passed on by {@link #writeBase64Lines} without a scan; tests check the fast way is taken. */
    long passedUnscanned() {
        return passedUnscanned;
    }

    /** Ends the data at the start of a line and sends what is buffered; the marker comes next. */
    void finish() throws IOException {
        if (previous == '\r') {
            put('\n');
        } else if (!atLineStart(previous)) {
            put('\r');
            put('\n');
        }
        previous = START;
        drain();
        wire.flush();
    }

    /** Sends nothing: see the class comment. */
    @Override
    public void flush() {
        // The data leaves when the buffer is full, and all of it in finish().
    }

    /** The connection outlives the message; closing is Angus's business. */
    @Override
    public void close() {
        // Nothing of the connection is closed here.
    }

    private static boolean atLineStart(int p) {
        return p == '\n' || p == '\r' || p == START;
    }

    private void put(byte b) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = b;
    }

    private void put(char c) throws IOException {
        put((byte) c);
    }

    private void copy(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - count) {
            drain();
            if (length >= buffer.length) {
                wire.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, count, length);
        count += length;
    }

    private void drain() throws IOException {
        if (count > 0) {
            wire.write(buffer, 0, count);
            count = 0;
        }
    }
}
