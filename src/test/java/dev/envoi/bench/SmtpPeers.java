package dev.envoi.bench;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The two sides of every SMTP benchmark, pointed at the same sink: Envoi's SmtpTransport with an
 * account as a user would set it up, and Jakarta Mail used the stock way.
 */
final class SmtpPeers {

    static final MailAddress FROM = new MailAddress("Émile Envoi", "emile@example.org");
    static final String TO = "jane@example.org";

    private SmtpPeers() {
    }

    static SmtpTransport envoi(SinkSmtpServer sink) {
        return envoi(sink.host(), sink.port());
    }

    static SmtpTransport envoi(String host, int port) {
        Account account = new Account("bench", FROM, host, port, SmtpSecurity.NONE, "", AuthMethod.NONE,
                0, true, false, false, "", true);
        return new SmtpTransport(account, a -> Optional.empty(), SmtpTimeouts.standard(), ServerTrust.system());
    }

    /** A 10 KB message as the user writes it. */
    static DraftContent tenKilobytes(int number) {
        String line = "The quick brown fox jumps over the lazy dog, message " + number + ".\n";
        return new DraftContent(FROM, List.of(Recipient.to(TO)), "Ten kilobytes " + number,
                line.repeat(10 * 1024 / line.length()), List.of());
    }

    /** Jakarta Mail out of the box: host and port, nothing tuned. */
    static Session stockSession(SinkSmtpServer sink) {
        return stockSession(sink.host(), sink.port());
    }

    static Session stockSession(String host, int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", host);
        properties.setProperty("mail.smtp.port", String.valueOf(port));
        return Session.getInstance(properties);
    }

    static MimeMessage stockMessage(Session session, DraftContent content) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(FROM.address()));
        message.setRecipients(Message.RecipientType.TO, TO);
        message.setSubject(content.subject(), "UTF-8");
        message.setText(content.body(), "UTF-8");
        message.saveChanges();
        return message;
    }

    /** msmtp or mutt, when installed. */
    static Optional<Path> installed(String program) {
        return List.of("/usr/bin/", "/usr/local/bin/").stream().map(dir -> Path.of(dir + program))
                .filter(Files::isExecutable).findFirst();
    }
}
