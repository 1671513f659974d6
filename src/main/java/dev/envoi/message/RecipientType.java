package dev.envoi.message;

/** Where a recipient stands in the message, as MAPI's PR_RECIPIENT_TYPE. */
public enum RecipientType {
    TO, CC, BCC
}
