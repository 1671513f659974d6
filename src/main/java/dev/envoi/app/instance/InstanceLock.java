package dev.envoi.app.instance;

import dev.envoi.spool.ProcessLock;
import dev.envoi.files.OwnerOnly;
import java.io.IOException;
import java.util.Optional;

/**
 * Held by the one window process of a profile for as long as it runs. An OS lock, so a crashed
 * Envoi leaves nothing that blocks the next start: whoever gets the lock knows any socket or
 * port file left in the folder is stale.
 */
final class InstanceLock implements AutoCloseable {

    private final ProcessLock lock;

    private InstanceLock(ProcessLock lock) {
        this.lock = lock;
    }

    /** The lock, or empty while another process (or another claim in this one) holds it. */
    static Optional<InstanceLock> tryAcquire(InstanceFiles files) throws IOException {
        OwnerOnly.createDirectories(files.profile());
        return ProcessLock.tryAcquire(files.lock()).map(InstanceLock::new);
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
