package dev.envoi.reliability;

import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.FaultSmtpServer.Stage;

/** The SMTP server's misbehaviour during the first run of a crash trial (the restart finds it well). */
enum SmtpTrouble {
    NONE,
    /** Takes the whole message and never answers: the client cannot know. */
    STALL_AFTER_END_OF_DATA,
    /** "Try later" for every recipient. */
    TEMPORARY_RCPT_FAILURE,
    /** A TCP reset in the middle of the data. */
    RESET_MID_DATA,
    /** Busy: 421 at the greeting. */
    BUSY_AT_GREETING,
    /** Takes the data, then says "not now" to the end of data: not kept. */
    TEMPORARY_END_OF_DATA_FAILURE;

    void applyTo(FaultSmtpServer server) {
        switch (this) {
            case NONE -> { }
            case STALL_AFTER_END_OF_DATA -> server.at(Stage.END_OF_DATA, new FaultSmtpServer.Stall());
            case TEMPORARY_RCPT_FAILURE -> server.reply(Stage.RCPT, "451 4.3.0 try again later");
            case RESET_MID_DATA -> server.resetAfterDataBytes(6000);
            case BUSY_AT_GREETING -> server.reply(Stage.GREETING, "421 4.3.2 too busy, come back later");
            case TEMPORARY_END_OF_DATA_FAILURE -> server.reply(Stage.END_OF_DATA, "451 4.3.0 not now");
        }
    }

    /** Whether the message still reaches the kill point with this trouble on the server. */
    boolean letsReach(KillPoint point) {
        return switch (point) {
            case HANDED_OFF -> this == NONE || this == STALL_AFTER_END_OF_DATA || this == TEMPORARY_END_OF_DATA_FAILURE;
            case TO_SENT, COPY -> this == NONE;
            default -> true;
        };
    }
}
