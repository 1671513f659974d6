package dev.envoi.store;

/**
 * A change the message's queue state does not allow (see {@link QueueState}): nothing was written.
 * It is a kind of {@link NotInQueueException}, so a caller that already handles "the message is
 * no longer where you thought" (a cancel that raced a transfer) handles this the same way.
 */
public class IllegalTransitionException extends NotInQueueException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
