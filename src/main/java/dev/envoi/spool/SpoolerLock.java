package dev.envoi.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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
        FileChannel channel = open(profileDir.resolve(FILE_NAME));
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

    private static FileChannel open(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Like everything else in the profile: the owner's only.
            return FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(file, options);
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
