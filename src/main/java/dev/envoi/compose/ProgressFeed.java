package dev.envoi.compose;

import dev.envoi.spool.TransferProgress;

/** Where a window hears how far the spooler's transfers have come; the handle unsubscribes. */
@FunctionalInterface
public interface ProgressFeed {

    ProgressFeed NONE = listener -> () -> { };

    Runnable subscribe(TransferProgress listener);
}
