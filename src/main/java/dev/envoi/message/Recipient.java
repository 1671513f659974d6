package dev.envoi.message;

import java.util.Objects;

/** A row of the recipient table: who, and as To, Cc or Bcc. */
public record Recipient(RecipientType type, MailAddress address) {

    public Recipient {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
    }

    public static Recipient to(String address) {
        return new Recipient(RecipientType.TO, MailAddress.of(address));
    }

    public static Recipient cc(String address) {
        return new Recipient(RecipientType.CC, MailAddress.of(address));
    }

    public static Recipient bcc(String address) {
        return new Recipient(RecipientType.BCC, MailAddress.of(address));
    }
}
