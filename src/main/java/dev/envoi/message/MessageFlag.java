package dev.envoi.message;

/** The bits of MAPI's PR_MESSAGE_FLAGS that Envoi keeps; each has its MAPI bit value. */
public enum MessageFlag {
    /** MSGFLAG_UNMODIFIED: saved once and not changed since. */
    UNMODIFIED(0x02),
    /** MSGFLAG_SUBMIT: handed to the outgoing queue. */
    SUBMIT(0x04),
    /** MSGFLAG_UNSENT: still to be sent (a draft or a queued message). */
    UNSENT(0x08),
    /** MSGFLAG_HASATTACH: has at least one attachment. */
    HASATTACH(0x10),
    /** MSGFLAG_FROMME: written by this user. */
    FROMME(0x20);

    private final int bit;

    MessageFlag(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }
}
