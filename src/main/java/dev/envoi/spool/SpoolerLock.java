package dev.envoi.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Only one process runs the spooler of a profile. The lock is an OS file lock, which the OS drops
 * when the process dies, so a crash never leaves a stale lock behind.
 */
public final class SpoolerLock implements AutoCloseable {

    public static final String FILE_NAME = "spooler.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SpoolerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the profile's spooler lock, or returns empty when another spooler holds it. */
    public static Optional<SpoolerLock> tryAcquire(Path profileDir) throws IOException {
        FileChannel channel = FileChannel.open(profileDir.resolve(FILE_NAME),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new SpoolerLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // Held by this very process (another spooler object): just as taken.
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
