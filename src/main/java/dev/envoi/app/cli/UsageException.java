package dev.envoi.app.cli;

/** Bad input on the command line: its message is the one line the user sees (exit 2). */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
