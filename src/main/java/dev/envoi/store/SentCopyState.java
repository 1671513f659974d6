package dev.envoi.store;

/**
 * Where the copy of a sent message in the server's Sent folder stands. The message itself is
 * sent whatever this says: a copy is never a reason to send again.
 */
public enum SentCopyState {
    /** Waiting for its first try, or for a retry after a failure that may pass. */
    PENDING,
    /** In the server's Sent folder. */
    DONE,
    /** Given up (login refused, retry limit passed): the reason says why; the mail went anyway. */
    FAILED,
    /** No copy is made: the account has no IMAP server, or the setting is off. */
    OFF;

    /** The word `outbox --json` uses. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
