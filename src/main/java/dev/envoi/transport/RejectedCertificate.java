package dev.envoi.transport;

import dev.envoi.i18n.Sentences;

/**
 * A server certificate Envoi refused: who it names, its fingerprint (which the user may pin for the
 * account, after checking it with the server's owner), and why it did not verify.
 */
public record RejectedCertificate(String subject, String sha256, String reason) {

    private static final Sentences WORDS = Sentences.of(RejectedCertificate.class);

    /** Sentences for the user, naming the certificate and the way out. */
    public String describe(String host, String accountName) {
        return WORDS.get("certificate.refused", host, reason, subject, sha256, accountName);
    }
}
