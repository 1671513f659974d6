package dev.envoi.spool;

import dev.envoi.message.EntryId;

/** Told how far the transfer of a message has come, from the spooler's thread. */
@FunctionalInterface
public interface TransferProgress {

    TransferProgress NONE = (id, written, total) -> { };

    void update(EntryId id, long written, long total);
}
