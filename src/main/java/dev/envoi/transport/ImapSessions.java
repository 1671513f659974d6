package dev.envoi.transport;

import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.SmtpSecurity;
import jakarta.mail.Session;
import java.util.Properties;
import javax.net.ssl.SSLContext;

/**
 * The Angus properties of an account's IMAP session, held to the SMTP session's rules: every
 * timeout set, the server's name checked against its certificate, STARTTLS required when chosen,
 * and never a trust-all.
 */
final class ImapSessions {

    private ImapSessions() {
    }

    /** "imaps" for implicit TLS, "imap" otherwise. */
    static String protocol(ImapServer server) {
        return server.security() == SmtpSecurity.TLS ? "imaps" : "imap";
    }

    /** {@code tls} may be null for a server reached unencrypted ({@link SmtpSecurity#NONE}). */
    static Session forServer(ImapServer server, AuthMethod auth, SmtpTimeouts timeouts, SSLContext tls,
                             SocketTracker sockets) {
        String p = "mail." + protocol(server) + ".";
        Properties props = new Properties();
        props.setProperty(p + "connectiontimeout", Integer.toString(timeouts.millis(timeouts.connect())));
        props.setProperty(p + "timeout", Integer.toString(timeouts.millis(timeouts.command())));
        props.setProperty(p + "writetimeout", Integer.toString(timeouts.millis(timeouts.write())));
        props.put(p + "socketFactory", new NoDelaySocketFactory(sockets));
        props.setProperty(p + "socketFactory.fallback", "false");
        if (tls != null) {
            props.put(p + "ssl.socketFactory", new ModernTlsSocketFactory(tls, sockets));
        }
        props.setProperty(p + "ssl.protocols", ModernTlsSocketFactory.PROTOCOLS);
        props.setProperty(p + "ssl.checkserveridentity", "true");
        boolean startTls = server.security() == SmtpSecurity.STARTTLS;
        props.setProperty(p + "starttls.enable", Boolean.toString(startTls));
        props.setProperty(p + "starttls.required", Boolean.toString(startTls));
        // A bearer token, given or obtained by Envoi's own sign-in: XOAUTH2 only, never a plain LOGIN with it.
        boolean oauth = auth == AuthMethod.XOAUTH2 || auth == AuthMethod.OAUTH2;
        props.setProperty(p + "auth.mechanisms", oauth ? "XOAUTH2" : "PLAIN LOGIN");
        props.setProperty(p + "auth.xoauth2.disable", Boolean.toString(!oauth));
        // One short-lived connection per copy: no pool of idle connections to keep alive.
        props.setProperty(p + "connectionpoolsize", "1");
        props.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(props);
    }
}
