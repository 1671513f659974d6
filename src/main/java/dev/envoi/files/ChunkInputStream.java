package dev.envoi.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream served one chunk at a time: a subclass makes each chunk in {@link #nextChunk()}
 * and hands it over with {@link #serve}; reading, bulk copying and {@code available} are done
 * here once. Used where a stream transforms or checks what it passes on (the vault's hashing
 * reader, the base64 encoder of attachments).
 */
public abstract class ChunkInputStream extends InputStream {

    private byte[] chunk = new byte[0];
    private int position;
    private int limit;

    /** Makes the next chunk and {@link #serve serves} it; false at the end of the stream. */
    protected abstract boolean nextChunk() throws IOException;

    /** The next {@code length} bytes to read are the first of {@code bytes}. */
    protected final void serve(byte[] bytes, int length) {
        chunk = bytes;
        position = 0;
        limit = length;
    }

    @Override
    public final int read() throws IOException {
        if (position == limit && !nextChunk()) {
            return -1;
        }
        return chunk[position++] & 0xff;
    }

    @Override
    public final int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit && !nextChunk()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public final int available() {
        return limit - position;
    }
}
