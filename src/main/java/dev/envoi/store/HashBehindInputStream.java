package dev.envoi.store;

import dev.envoi.files.ChunkInputStream;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a vault file for a transfer and checks it against its recorded size and SHA-256, as
 * {@link VerifyingInputStream} does, but hashes on a thread of its own, behind the reader. The
 * reading thread (base64 and the socket) only copies bytes out, while SHA-256, most of a second
 * for 256 MiB in a freshly started JVM, runs on another core.
 *
 * <p>Each chunk goes to the hasher once the reader has served all of it, so the two never share a
 * chunk. The hasher may fall behind by at most {@link #CHUNKS} chunks (memory stays bounded,
 * whatever the file's size): past that, the reader waits for it. At the end of the file the reader
 * waits for the digest, and a mismatch fails the read that would have returned end-of-file, so the
 * transfer fails before the end-of-data marker, exactly as with the inline check.
 */
final class HashBehindInputStream extends ChunkInputStream {

    private static final Sentences WORDS = Sentences.of(HashBehindInputStream.class);

    static final int CHUNK = 256 * 1024;
    static final int CHUNKS = 16;

    private static final ExecutorService HASHERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "envoi-vault-hash");
        thread.setDaemon(true);
        return thread;
    });
    private static final Chunk END = new Chunk(new byte[0], 0);

    /** A chunk of the file and how many of its bytes are the file's. */
    private record Chunk(byte[] bytes, int length) {
    }

    private final InputStream in;
    private final String name;
    private final long expectedSize;
    private final String expectedSha256;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    /** Chunks for the hasher, in file order, then END. */
    private final BlockingQueue<Chunk> toHash = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Future<String> digest;
    private int allocated;
    private byte[] current;
    private int currentLength;
    private long count;
    private boolean ended;

    HashBehindInputStream(InputStream in, String name, long expectedSize, String expectedSha256) {
        this.in = in;
        this.name = name;
        this.expectedSize = expectedSize;
        this.expectedSha256 = expectedSha256;
        this.digest = HASHERS.submit(this::hashUntilEnd);
    }

    /** The hasher's loop: every chunk in order, each given back once hashed, until END. */
    private String hashUntilEnd() throws InterruptedException {
        MessageDigest sha = Sha256.newDigest();
        while (true) {
            Chunk chunk = toHash.take();
            if (chunk == END) {
                return Sha256.hex(sha);
            }
            sha.update(chunk.bytes(), 0, chunk.length());
            free.put(chunk.bytes());
        }
    }

    // No skip override: InputStream's own skip reads through read(byte[], int, int), so skipped
    // bytes are hashed too (VerifyingInputStream, a FilterInputStream, must override it instead).

    /** The next chunk of the file; false at its end, once the digest has been checked. */
    @Override
    protected boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null) {
            hand(new Chunk(current, currentLength));
            current = null;
        }
        byte[] chunk = freeChunk();
        int n = in.readNBytes(chunk, 0, chunk.length);
        if (n == 0) {
            free.offer(chunk);
            ended = true;
            hand(END);
            verify();
            return false;
        }
        count += n;
        if (count > expectedSize) {
            throw new CorruptAttachmentException(WORDS.get("attachment.tooLong", name, expectedSize));
        }
        current = chunk;
        currentLength = n;
        serve(chunk, n);
        return true;
    }

    private byte[] freeChunk() throws IOException {
        byte[] chunk = free.poll();
        if (chunk != null) {
            return chunk;
        }
        if (allocated < CHUNKS) {
            allocated++;
            return new byte[CHUNK];
        }
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interruptedWhileChecking();
        }
    }

    private void hand(Chunk chunk) throws IOException {
        try {
            toHash.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interruptedWhileChecking();
        }
    }

    private void verify() throws IOException {
        if (count != expectedSize) {
            throw new CorruptAttachmentException(WORDS.get("attachment.wrongSize", name, count, expectedSize));
        }
        String actual;
        try {
            actual = digest.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interruptedWhileChecking();
        } catch (ExecutionException e) {
            throw new IOException(WORDS.get("attachment.uncheckable", name, e.getCause()), e.getCause());
        }
        if (!actual.equals(expectedSha256)) {
            throw new CorruptAttachmentException(WORDS.get("attachment.contentChanged", name));
        }
    }

    @Override
    public void close() throws IOException {
        // A transfer given up half-way: the hasher would wait for chunks forever.
        digest.cancel(true);
        in.close();
    }

    private InterruptedIOException interruptedWhileChecking() {
        return new InterruptedIOException(WORDS.get("attachment.checkInterrupted", name));
    }
}
