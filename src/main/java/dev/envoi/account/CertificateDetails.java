package dev.envoi.account;

import java.time.Instant;

/**
 * What a user needs to decide whether to trust a server's certificate for an account: whom it is
 * issued to and by, when it is valid, and its SHA-256 fingerprint (the thing an account pins).
 * The names are the server's text, shown only after making control characters visible.
 */
public record CertificateDetails(String subject, String issuer, Instant validFrom, Instant validUntil,
                                 String sha256) {
}
