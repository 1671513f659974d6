package dev.envoi.account;

import java.util.Objects;

/**
 * The IMAP server of an account, where a copy of each sent message is filed. It signs in with
 * the account's SMTP login and secret (password or OAuth token): one account, one sign-in.
 */
public record ImapServer(String host, int port, SmtpSecurity security) {

    /** Port 993 for implicit TLS, 143 otherwise (RFC 8314, RFC 9051). */
    public static int defaultPort(SmtpSecurity security) {
        return security == SmtpSecurity.TLS ? 993 : 143;
    }

    public ImapServer {
        Objects.requireNonNull(security, "security");
        host = host == null ? "" : host.strip();
        // The same host and port rules as the SMTP server's; the name and login do not apply here.
        String problem = AccountRules.problemWith("imap", host, port, "", AuthMethod.NONE, 0);
        if (problem != null) {
            throw new InvalidAccountException(problem, false);
        }
    }

    /** Null when safe; else why a connection without encryption to this host needs the user's consent. */
    public String problemWithSecurity(AuthMethod auth, boolean insecureConfirmed) {
        return AccountRules.problemWithSecurity(host, security, auth, insecureConfirmed);
    }
}
