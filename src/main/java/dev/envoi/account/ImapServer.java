package dev.envoi.account;

import dev.envoi.i18n.Sentences;
import java.util.Objects;

/**
 * The IMAP server of an account, where a copy of each sent message is filed. It signs in with the
 * account's secret (password or OAuth token) and, unless {@code user} names another login, the
 * account's SMTP login: one account, one secret. {@code user} is "" for the SMTP login.
 */
public record ImapServer(String host, int port, SmtpSecurity security, String user) {

    private static final Sentences WORDS = Sentences.of(ImapServer.class);

    /** Port 993 for implicit TLS, 143 otherwise (RFC 8314, RFC 9051). */
    public static int defaultPort(SmtpSecurity security) {
        return security == SmtpSecurity.TLS ? 993 : 143;
    }

    /** A server signed in to with the account's SMTP login. */
    public ImapServer(String host, int port, SmtpSecurity security) {
        this(host, port, security, "");
    }

    public ImapServer {
        Objects.requireNonNull(security, "security");
        host = host == null ? "" : host.strip();
        user = user == null ? "" : user.strip();
        // The same host and port rules as the SMTP server's; the name and login do not apply here.
        String problem = AccountRules.problemWith("imap", host, port, "", AuthMethod.NONE, 0);
        if (problem != null) {
            throw new InvalidAccountException(problem, false);
        }
        // A login goes on the IMAP command line: a line break in it would end the command.
        if (user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidAccountException(WORDS.get("rule.imapUser"), false);
        }
    }

    /** The login this server is signed in to with: its own, else the account's SMTP login. */
    public String loginFor(Account account) {
        return user.isEmpty() ? account.user() : user;
    }

    /** Null when safe; else why a connection without encryption to this host needs the user's consent. */
    public String problemWithSecurity(AuthMethod auth, boolean insecureConfirmed) {
        return AccountRules.problemWithSecurity(host, security, auth, insecureConfirmed);
    }
}
