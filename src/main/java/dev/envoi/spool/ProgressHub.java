package dev.envoi.spool;

import dev.envoi.message.EntryId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes the spooler's transfer progress to whoever listens (the windows), on the spooler's thread. */
public final class ProgressHub implements TransferProgress {

    private final List<TransferProgress> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; the returned handle removes it. */
    public Runnable subscribe(TransferProgress listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void update(EntryId id, long written, long total) {
        for (TransferProgress listener : listeners) {
            listener.update(id, written, total);
        }
    }
}
