package dev.envoi.store;

/** Ends a {@link QueueListener}'s registration. */
@FunctionalInterface
public interface QueueSubscription extends AutoCloseable {

    @Override
    void close();
}
