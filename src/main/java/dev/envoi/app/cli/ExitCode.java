package dev.envoi.app.cli;

/** The exit codes of every `envoi` command, as scripts rely on them. */
public final class ExitCode {

    /** Done: handed off, or queued when not waiting. */
    public static final int OK = 0;
    /** Anything else went wrong (the message says what). */
    public static final int FAILURE = 1;
    /** Bad input: one line says what; nothing was queued or changed. */
    public static final int BAD_INPUT = 2;
    /** The mail system refused the message for good; it is back in Drafts. */
    public static final int REFUSED = 3;
    /** Still queued when --wait ran out. */
    public static final int STILL_QUEUED = 4;
    /** Too late to cancel: the message was already handed off. */
    public static final int TOO_LATE = 5;
    /** Nothing to cancel: the message is not in the queue. */
    public static final int NOT_IN_QUEUE = 6;
    /** The transfer broke after the hand-off point: delivery is uncertain. */
    public static final int UNCERTAIN = 7;

    private ExitCode() {
    }
}
