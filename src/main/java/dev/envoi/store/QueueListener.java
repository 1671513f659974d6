package dev.envoi.store;

/** Told when the outgoing queue changes, in this process or (noticed a moment later) in another. */
@FunctionalInterface
public interface QueueListener {

    void queueChanged(QueueEvent event);
}
