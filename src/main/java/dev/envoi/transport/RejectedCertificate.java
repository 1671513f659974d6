package dev.envoi.transport;

import dev.envoi.account.CertificateDetails;
import dev.envoi.i18n.Sentences;
import java.security.cert.X509Certificate;

/**
 * A server certificate Envoi refused: who it names, its fingerprint (which the user may pin for the
 * account, after checking it with the server's owner), why it did not verify, and its details for
 * a window to show beside a "Trust this certificate" button.
 */
public record RejectedCertificate(String subject, String sha256, String reason, CertificateDetails details) {

    private static final Sentences WORDS = Sentences.of(RejectedCertificate.class);

    static RejectedCertificate of(X509Certificate certificate, String reason) {
        String subject = certificate.getSubjectX500Principal().getName();
        String sha256 = CertificateFingerprint.sha256(certificate);
        return new RejectedCertificate(subject, sha256, reason, new CertificateDetails(subject,
                certificate.getIssuerX500Principal().getName(), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), sha256));
    }

    /** Sentences for the user, naming the certificate and the way out on the command line. */
    public String describe(String host, String accountName) {
        return WORDS.get("certificate.refused", host, reason, subject, sha256, accountName);
    }

    /** Sentences for a window that shows the certificate and offers to trust it. */
    public String describeShown(String host) {
        return WORDS.get("certificate.refusedShown", host, reason);
    }
}
