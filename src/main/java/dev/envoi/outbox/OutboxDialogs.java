package dev.envoi.outbox;

/** The outbox window's questions; the app shows dialogs, tests answer directly. */
public interface OutboxDialogs {

    boolean confirmDeleteDraft(String subject);

    /** An uncertain message may already have arrived: sending it again may make a duplicate. */
    boolean confirmSendAgain(String subject);

    boolean confirmMarkSent(String subject);
}
