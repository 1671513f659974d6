package dev.envoi.store;

/**
 * The columns a submit sets on a message as it enters the outgoing queue: written in the same
 * statement that puts the row in the OUTBOX folder, so each queue index gets the entry once, at
 * its final place (a second statement moved it from where an unset due time sorts, a page away on
 * a full queue).
 *
 * @param account the account it goes through; null when the profile has none
 */
record Queueing(String messageId, long submittedAt, long dueAt, String account) {
}
