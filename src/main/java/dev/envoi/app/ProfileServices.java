package dev.envoi.app;

import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.SpoolerLock;
import dev.envoi.spool.TransferProgress;
import dev.envoi.spool.TransportRouter;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.PickupFolderTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The composition root of one profile: the store, and, if this process may run it, the spooler
 * with its transports. Closing it stops the spooler (a transfer under way finishes) and the store.
 */
public final class ProfileServices implements AutoCloseable {

    public static final String PICKUP_FOLDER = "pickup";

    private final Path profile;
    private final SqliteMessageStore store;
    private SpoolerLock lock;
    private Spooler spooler;

    private ProfileServices(Path profile, SqliteMessageStore store) {
        this.profile = profile;
        this.store = store;
    }

    public static ProfileServices open(Path profile) {
        return new ProfileServices(profile, SqliteMessageStore.open(profile));
    }

    public SqliteMessageStore store() {
        return store;
    }

    public Path profile() {
        return profile;
    }

    public Path pickupFolder() {
        return profile.resolve(PICKUP_FOLDER);
    }

    /**
     * Starts this profile's spooler here unless another process runs it.
     *
     * @return the spooler, or empty when another process holds the spooler lock
     */
    public synchronized Optional<Spooler> startSpoolerIfFree(TransferProgress progress) throws IOException {
        if (spooler != null) {
            return Optional.of(spooler);
        }
        Optional<SpoolerLock> acquired = SpoolerLock.tryAcquire(profile);
        if (acquired.isEmpty()) {
            return Optional.empty();
        }
        lock = acquired.get();
        spooler = new Spooler(store, router(), store::readAttachment, RetryPolicy.standard(), Clock.systemUTC(), progress);
        spooler.start();
        return Optional.of(spooler);
    }

    private TransportRouter router() {
        return TransportRouter.single(new PickupFolderTransport(pickupFolder()));
    }

    @Override
    public synchronized void close() {
        try {
            if (spooler != null) {
                spooler.close();
            }
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            // The OS releases the lock with the process anyway.
        } finally {
            store.close();
        }
    }
}
