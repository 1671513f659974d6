package dev.envoi.account;

import dev.envoi.message.MailAddress;
import java.util.Objects;

/**
 * A sending account: the identity it sends as and the SMTP server that takes its mail. Secrets
 * are not part of it: they live in a {@link CredentialStore}.
 *
 * @param sizeLimit the largest message the user wants sent through it, in bytes; 0 for none
 * @param keepInSent false to delete a message once the server took it
 * @param partialDelivery true to send to the accepted recipients when the server refuses some
 * @param insecureConfirmed the user confirmed sending without encryption to a non-loopback host
 * @param pinnedCertificate SHA-256 fingerprint of the one certificate the user chose to trust, or ""
 */
public record Account(String name, MailAddress identity, String host, int port, SmtpSecurity security,
                      String user, AuthMethod auth, long sizeLimit, boolean keepInSent, boolean partialDelivery,
                      boolean insecureConfirmed, String pinnedCertificate, boolean isDefault) {

    public Account {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(auth, "auth");
        user = user == null ? "" : user;
        pinnedCertificate = pinnedCertificate == null ? "" : pinnedCertificate;
        String problem = AccountRules.problemWith(name, host, port, security, user, auth, sizeLimit, insecureConfirmed);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public Account withDefault(boolean makeDefault) {
        return new Account(name, identity, host, port, security, user, auth, sizeLimit, keepInSent, partialDelivery,
                insecureConfirmed, pinnedCertificate, makeDefault);
    }

    public Account withPinnedCertificate(String sha256) {
        return new Account(name, identity, host, port, security, user, auth, sizeLimit, keepInSent, partialDelivery,
                insecureConfirmed, sha256, isDefault);
    }
}
