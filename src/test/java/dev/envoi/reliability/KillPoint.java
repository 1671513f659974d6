package dev.envoi.reliability;

/**
 * Where a crash trial kills Envoi. Each point names the line the child prints on reaching it and
 * how long after that line the kill may come (a random delay up to {@code maxDelayMillis}), so the
 * kill lands somewhere inside the phase the point opens. Points the child holds at (it sleeps
 * there on purpose) get the kill exactly at that point.
 */
enum KillPoint {
    /** While the draft is saved again and again as the user types. */
    SAVE("save", 250, false),
    /** While an attachment streams into the vault. */
    ATTACH("attach", 250, false),
    /** Around the submit transaction. */
    SUBMIT("submit", 25, false),
    /** After the submit returned, while the undo window runs. */
    UNDO("submitted", 1500, false),
    /** While the message travels to the SMTP server. */
    TRANSFER("transfer", 900, false),
    /** Just after the hand-off point was recorded, before the end-of-data marker leaves. */
    HANDED_OFF("handed-off", 0, true),
    /** After the server answered the end of data, before the move to Sent commits. */
    TO_SENT("to-sent", 0, true),
    /** Inside the copy step: the copy is in the server's Sent folder, its record not yet committed. */
    COPY("copy-filed", 0, true),
    /** Anywhere at all, counted from the start of the process. */
    ANYWHERE("start", 3000, false),
    /** The real command line, `envoi send --wait`, killed anywhere. */
    CLI_SEND("start", 2500, false);

    final String event;
    final int maxDelayMillis;
    final boolean childHolds;

    KillPoint(String event, int maxDelayMillis, boolean childHolds) {
        this.event = event;
        this.maxDelayMillis = maxDelayMillis;
        this.childHolds = childHolds;
    }

    /** True for points reached only through the spooler, which a cancelled message never reaches. */
    boolean inSpooler() {
        return this == TRANSFER || this == HANDED_OFF || this == TO_SENT || this == COPY;
    }
}
