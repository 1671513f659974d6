package dev.envoi.account;

/** A credential store could not be used; the message never contains the secret. */
public class CredentialException extends Exception {

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }

    public CredentialException(String message) {
        super(message);
    }
}
