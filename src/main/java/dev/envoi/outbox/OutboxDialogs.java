package dev.envoi.outbox;

import java.util.List;
import java.util.Optional;

/** The outbox window's questions; the app shows dialogs, tests answer directly. */
public interface OutboxDialogs {

    boolean confirmDeleteDraft(String subject);

    /** An uncertain message may already have arrived: sending it again may make a duplicate. */
    boolean confirmSendAgain(String subject);

    boolean confirmMarkSent(String subject);

    /** Which of these accounts sends the message from now on; empty when the user chose none. */
    Optional<String> chooseAccount(String subject, List<String> accounts);
}
