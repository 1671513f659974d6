package dev.envoi.transport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 fingerprints of certificates, in the AB:CD:... form browsers and openssl show. */
public final class CertificateFingerprint {

    private CertificateFingerprint() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** The fingerprint as 64 lower-case hex digits, whatever colons, spaces or case it was typed with. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
    }

    /** True when the text is a SHA-256 fingerprint in any of the usual spellings. */
    public static boolean isWellFormed(String typed) {
        return normalize(typed).matches("[0-9a-f]{64}");
    }

    static boolean matches(X509Certificate certificate, String pinned) {
        String wanted = normalize(pinned);
        return !wanted.isEmpty() && wanted.equals(normalize(sha256(certificate)));
    }
}
