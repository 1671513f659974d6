package dev.envoi.transport;

/**
 * A server certificate Envoi refused: who it names, its fingerprint (which the user may pin for the
 * account, after checking it with the server's owner), and why it did not verify.
 */
public record RejectedCertificate(String subject, String sha256, String reason) {

    /** One sentence for the user, naming the certificate and the way out. */
    public String describe(String host, String accountName) {
        return "the certificate of " + host + " does not verify (" + reason + "). It is issued to " + subject
                + ", SHA-256 fingerprint " + sha256 + ". If you know this is your server's certificate, you may trust "
                + "exactly this one for the account (envoi account pin " + accountName + " " + sha256 + ")";
    }
}
