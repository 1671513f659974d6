package dev.envoi.reliability;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** One message as the SMTP server received it, parsed back from its bytes. */
record ReceivedMail(String subject, String messageId, String body, String attachmentName, String attachmentSha256) {

    private static final Session SESSION = Session.getInstance(new Properties());

    static ReceivedMail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String body;
            String name = null;
            String sha = null;
            if (message.getContent() instanceof Multipart multipart) {
                body = (String) multipart.getBodyPart(0).getContent();
                if (multipart.getCount() > 1) {
                    BodyPart file = multipart.getBodyPart(1);
                    name = file.getFileName();
                    try (InputStream in = file.getInputStream()) {
                        sha = TrialPlan.sha256(in.readAllBytes());
                    }
                }
            } else {
                body = (String) message.getContent();
            }
            return new ReceivedMail(message.getSubject(), message.getHeader("Message-ID", null),
                    body.replace("\r\n", "\n"), name, sha);
        } catch (MessagingException | IOException e) {
            return new ReceivedMail("(unreadable: " + e + ")", "", "", null, null);
        }
    }
}
