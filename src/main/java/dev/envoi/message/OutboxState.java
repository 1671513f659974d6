package dev.envoi.message;

/** Where a message not yet sent stands, as scripts and the outbox window see it. */
public enum OutboxState {
    /** Back in Drafts after a refusal or a cancel. */
    DRAFT,
    /** In the queue, waiting for its due time (the undo window or send-later). */
    QUEUED,
    /** Being transferred by the spooler now. */
    SENDING,
    /** A transient failure happened; waiting for the next attempt. */
    RETRYING,
    /** Gave up after the retry limit. */
    FAILED,
    /** The transfer broke after the hand-off point: the server may or may not have it. */
    UNCERTAIN
}
