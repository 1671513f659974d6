package dev.envoi.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The least any durable record costs on this disk (issue 21, bar 3): one 4 KB page overwritten in
 * place in the profile's folder and {@code fdatasync}ed, as SQLite does to its write-ahead log at a
 * commit. No SQL, no journal growth. Envoi's hand-off, which records the hand-off durably before the
 * end of data, can never be faster than the floor's SMTP plus this.
 */
final class DurablePage implements AutoCloseable {

    static final String NAME = "one 4 KB page overwritten and fdatasync'd in the profile's folder";

    private final FileChannel file;
    private final ByteBuffer page = ByteBuffer.allocate(4096);

    DurablePage(Path folder) throws IOException {
        file = FileChannel.open(folder.resolve("durable-page.bench"), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        // Allocated and on the disk before the first timed write, like a log file in use.
        file.write(page, 0);
        file.force(true);
    }

    /** Writes the page with {@code round} in it and waits until the disk has it. */
    void write(int round) throws IOException {
        page.clear();
        page.putInt(0, round);
        file.write(page, 0);
        file.force(false);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
