package dev.envoi.transport;

/** Nothing was handed off and trying later may work (network down, a 4xx reply). */
public final class TransientFailureException extends TransferException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientFailureException(String message) {
        this(message, null);
    }
}
