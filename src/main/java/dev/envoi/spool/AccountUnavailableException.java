package dev.envoi.spool;

/**
 * The account a message was submitted with is gone or cannot send it. Not a failure of the
 * message: it waits, saying this, and is never sent through another account on Envoi's own.
 */
public final class AccountUnavailableException extends Exception {

    public AccountUnavailableException(String message) {
        super(message);
    }
}
