package dev.envoi.bench;

import java.io.IOException;
import java.io.InputStream;

/** The sink's reading side: command lines, and message data skipped in large reads up to CRLF.CRLF. */
final class SmtpInput {

    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final byte[] buffer = new byte[256 * 1024];
    private int position;
    private int limit;

    SmtpInput(InputStream in) {
        this.in = in;
    }

    boolean hasBuffered() {
        return position < limit;
    }

    /** The next command line without its CRLF, or null at the end of the stream. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit && !fill()) {
                return line.length() == 0 ? null : line.toString();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() < MAX_LINE) {
                line.append((char) (b & 0xff));
            }
        }
    }

    /**
     * Discards message data up to and including the CRLF.CRLF that ends it (the DATA line's own
     * CRLF counts as the first CRLF, so an empty message ends at once).
     *
     * @return the bytes discarded, or -1 when the stream ended first
     */
    long skipData() throws IOException {
        // 0: inside a line, 1: CR seen, 2: at a line start, 3: "." at a line start, 4: ".\r" seen
        int state = 2;
        long count = 0;
        while (true) {
            if (position == limit && !fill()) {
                return -1;
            }
            byte[] b = buffer;
            int i = position;
            int end = limit;
            for (; i < end; i++) {
                byte c = b[i];
                switch (state) {
                    case 0 -> state = c == '\r' ? 1 : 0;
                    case 1 -> state = c == '\n' ? 2 : (c == '\r' ? 1 : 0);
                    case 2 -> state = c == '.' ? 3 : (c == '\r' ? 1 : 0);
                    case 3 -> state = c == '\r' ? 4 : 0;
                    default -> {
                        if (c == '\n') {
                            count += i + 1 - position;
                            position = i + 1;
                            return count;
                        }
                        state = c == '\r' ? 1 : 0;
                    }
                }
            }
            count += end - position;
            position = end;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
