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
 * @param sendmailProgram the absolute path of a local sendmail program that takes the account's mail
 *                        instead of an SMTP server (Unix), or "" for SMTP
 */
public record Account(String name, MailAddress identity, String host, int port, SmtpSecurity security,
                      String user, AuthMethod auth, long sizeLimit, boolean keepInSent, boolean partialDelivery,
                      boolean insecureConfirmed, String pinnedCertificate, boolean isDefault, String sendmailProgram) {

    public Account {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(auth, "auth");
        user = user == null ? "" : user;
        pinnedCertificate = pinnedCertificate == null ? "" : pinnedCertificate;
        sendmailProgram = sendmailProgram == null ? "" : sendmailProgram;
        String problem = AccountRules.problemWith(name, host, port, user, auth, sizeLimit);
        if (problem == null) {
            String unsafe = AccountRules.problemWithSecurity(host, security, auth, insecureConfirmed);
            if (unsafe != null) {
                throw new InvalidAccountException(unsafe, true);
            }
            problem = AccountRules.problemWithSendmail(sendmailProgram);
        }
        if (problem != null) {
            throw new InvalidAccountException(problem, false);
        }
    }

    /** An SMTP account. */
    public Account(String name, MailAddress identity, String host, int port, SmtpSecurity security, String user,
                   AuthMethod auth, long sizeLimit, boolean keepInSent, boolean partialDelivery,
                   boolean insecureConfirmed, String pinnedCertificate, boolean isDefault) {
        this(name, identity, host, port, security, user, auth, sizeLimit, keepInSent, partialDelivery,
                insecureConfirmed, pinnedCertificate, isDefault, "");
    }

    /** An account whose mail goes to the local sendmail program at that path. */
    public static Account sendmail(String name, MailAddress identity, String program, boolean keepInSent,
                                   boolean isDefault) {
        return new Account(name, identity, "localhost", SmtpSecurity.NONE.defaultPort(), SmtpSecurity.NONE, "",
                AuthMethod.NONE, 0, keepInSent, false, false, "", isDefault, program);
    }

    public boolean usesSendmail() {
        return !sendmailProgram.isEmpty();
    }

    public Account withDefault(boolean makeDefault) {
        return new Account(name, identity, host, port, security, user, auth, sizeLimit, keepInSent, partialDelivery,
                insecureConfirmed, pinnedCertificate, makeDefault, sendmailProgram);
    }

    public Account withPinnedCertificate(String sha256) {
        return new Account(name, identity, host, port, security, user, auth, sizeLimit, keepInSent, partialDelivery,
                insecureConfirmed, sha256, isDefault, sendmailProgram);
    }
}
