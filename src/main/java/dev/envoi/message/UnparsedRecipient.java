package dev.envoi.message;

import java.util.Objects;

/**
 * What the user typed in To, Cc or Bcc that is not an address, kept in the draft as typed so it
 * comes back, marked invalid, when the draft is opened again; a message holding one is not sent.
 */
public record UnparsedRecipient(RecipientType type, String text) {

    public UnparsedRecipient {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
    }
}
