package dev.envoi.transport;

/** A transfer that did not end in a hand-off; the subclass says what the spooler must do. */
public abstract sealed class TransferException extends Exception
        permits TransientFailureException, PermanentFailureException, UncertainDeliveryException,
        TransferCancelledException, SignInRequiredException {

    protected TransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
