package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Reads a vault file and, at its end, checks the bytes against the recorded size and SHA-256, so
 * a damaged attachment fails the transfer before the hand-off point instead of being sent.
 */
final class VerifyingInputStream extends FilterInputStream {

    private static final Sentences WORDS = Sentences.of(VerifyingInputStream.class);

    private final String name;
    private final long expectedSize;
    private final String expectedSha256;
    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private boolean verified;

    VerifyingInputStream(InputStream in, String name, long expectedSize, String expectedSha256) {
        super(in);
        this.name = name;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            verify();
        } else {
            digest.update((byte) b);
            grow(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            verify();
        } else {
            digest.update(buffer, offset, n);
            grow(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping would leave bytes unhashed; read them instead.
        long skipped = 0;
        byte[] scratch = new byte[8192];
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void grow(int n) throws CorruptAttachmentException {
        count += n;
        if (count > expectedSize) {
            throw new CorruptAttachmentException(WORDS.get("attachment.tooLong", name, expectedSize));
        }
    }

    private void verify() throws CorruptAttachmentException {
        if (verified) {
            return;
        }
        verified = true;
        if (count != expectedSize) {
            throw new CorruptAttachmentException(WORDS.get("attachment.wrongSize", name, count, expectedSize));
        }
        if (!Sha256.hex(digest).equals(expectedSha256)) {
            throw new CorruptAttachmentException(WORDS.get("attachment.contentChanged", name));
        }
    }
}
