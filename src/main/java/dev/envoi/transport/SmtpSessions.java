package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import jakarta.mail.Session;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/** The Angus properties of an account's SMTP session; every timeout set, TLS checked, no trust-all. */
final class SmtpSessions {

    private SmtpSessions() {
    }

    /** {@code tls} may be null for an account that sends unencrypted ({@link SmtpSecurity#NONE}). */
    static Session forAccount(Account account, SmtpTimeouts timeouts, SSLContext tls, SocketTracker sockets) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(timeouts.millis(timeouts.connect())));
        p.setProperty("mail.smtp.timeout", Integer.toString(timeouts.millis(timeouts.command())));
        // No mail.smtp.writetimeout: SmtpConnection's WriteWatchdog keeps the write timeout for less.
        p.put("mail.smtp.socketFactory", new NoDelaySocketFactory(sockets));
        p.setProperty("mail.smtp.socketFactory.fallback", "false");
        if (tls != null) {
            p.put("mail.smtp.ssl.socketFactory", new ModernTlsSocketFactory(tls, sockets));
        }
        p.setProperty("mail.smtp.ssl.protocols", ModernTlsSocketFactory.PROTOCOLS);
        // Always: the server's name must match its certificate. mail.smtp.ssl.trust is never set.
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.setProperty("mail.smtp.ssl.enable", Boolean.toString(account.security() == SmtpSecurity.TLS));
        boolean startTls = account.security() == SmtpSecurity.STARTTLS;
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(startTls));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(startTls));
        // An OAUTH2 account logs in after the connect, with BearerLogin: Angus knows no OAUTHBEARER.
        p.setProperty("mail.smtp.auth", Boolean.toString(account.auth() != AuthMethod.NONE
                && account.auth() != AuthMethod.OAUTH2));
        p.setProperty("mail.smtp.auth.mechanisms", account.auth() == AuthMethod.XOAUTH2 ? "XOAUTH2" : "PLAIN LOGIN");
        // Never: Angus would rewrite quoted-printable text parts as 8bit when the server offers
        // 8BITMIME, and the bytes sent would then depend on the server. Envoi sends what
        // MimeAssembler made, which the copy in the server's Sent folder makes again byte for byte.
        p.setProperty("mail.smtp.allow8bitmime", "false");
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.smtp.sendpartial", Boolean.toString(account.partialDelivery()));
        // RSET, not NOOP, checks a kept connection: it also clears any half-finished transaction.
        p.setProperty("mail.smtp.userset", "true");
        p.setProperty("mail.smtp.quitwait", "false");
        // An address literal: no DNS lookup of this machine's name, and nothing about it revealed.
        p.setProperty("mail.smtp.localhost", "[127.0.0.1]");
        return Session.getInstance(p);
    }
}
