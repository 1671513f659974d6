package dev.envoi.transport;

/** What the mail system answered once it took the message (for SMTP, the 250 reply text). */
public record HandOffReceipt(String reply) {
}
