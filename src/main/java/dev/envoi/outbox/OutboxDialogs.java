package dev.envoi.outbox;

import java.util.List;
import java.util.Optional;

/** The outbox window's questions; the app shows dialogs, tests answer directly. */
public interface OutboxDialogs {

    boolean confirmDeleteDraft(String subject);

    /** An uncertain message may already have arrived: sending it again may make a duplicate. */
    boolean confirmSendAgain(String subject);

    boolean confirmMarkSent(String subject);

    /**
     * Keeping only {@code kept} in Sent deletes {@code count} messages now, with the attachments
     * only they used.
     */
    boolean confirmDeleteOldSent(int count, String kept);

    /** Which of these accounts sends the message from now on; empty when the user chose none. */
    Optional<String> chooseAccount(String subject, List<String> accounts);
}
