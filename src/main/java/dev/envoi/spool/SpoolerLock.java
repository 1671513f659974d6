package dev.envoi.spool;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Only one process runs the spooler of a profile: the one holding this OS lock. */
public final class SpoolerLock implements AutoCloseable {

    public static final String FILE_NAME = "spooler.lock";

    private final ProcessLock lock;

    private SpoolerLock(ProcessLock lock) {
        this.lock = lock;
    }

    /** Takes the profile's spooler lock, or returns empty when another spooler holds it. */
    public static Optional<SpoolerLock> tryAcquire(Path profileDir) throws IOException {
        return ProcessLock.tryAcquire(profileDir.resolve(FILE_NAME)).map(SpoolerLock::new);
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
