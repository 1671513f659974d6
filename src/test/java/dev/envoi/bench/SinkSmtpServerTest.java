package dev.envoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmarks' SMTP sink must be a correct server, or every figure measured against it is wrong. */
@Timeout(30)
class SinkSmtpServerTest {

    @Test
    void takesMessagesFromJakartaMailOnOneConnectionWhateverTheirSizeAndDots() throws Exception {
        try (SinkSmtpServer sink = SinkSmtpServer.start()) {
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", sink.host());
            properties.setProperty("mail.smtp.port", String.valueOf(sink.port()));
            properties.setProperty("mail.smtp.timeout", "10000");
            properties.setProperty("mail.smtp.connectiontimeout", "10000");
            properties.setProperty("mail.smtp.writetimeout", "10000");
            Session session = Session.getInstance(properties);
            List<String> bodies = List.of("", ".\r\n.. a line of dots\r\n.\r\nend", "x".repeat(700_000));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (String body : bodies) {
                    MimeMessage message = new MimeMessage(session);
                    message.setFrom(new InternetAddress("emile@example.org"));
                    message.setRecipients(jakarta.mail.Message.RecipientType.TO, "jane@example.org");
                    message.setSubject("sink");
                    message.setText(body);
                    transport.sendMessage(message, message.getAllRecipients());
                }
            }
            assertTrue(sink.awaitMessages(3, Duration.ofSeconds(5)));
            assertEquals(3, sink.messages());
            assertTrue(sink.dataBytes() > 700_000, "the large message's bytes were all read: " + sink.dataBytes());
        }
    }

    @Test
    void answersAPipelinedBatchInOrder() throws Exception {
        try (SinkSmtpServer sink = SinkSmtpServer.start();
             Socket socket = new Socket(sink.host(), sink.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            assertTrue(in.readLine().startsWith("220 "));
            out.write("EHLO me\r\n".getBytes(StandardCharsets.US_ASCII));
            List<String> ehlo = new ArrayList<>();
            String line;
            do {
                line = in.readLine();
                ehlo.add(line);
            } while (line.charAt(3) == '-');
            assertTrue(ehlo.contains("250-PIPELINING"), ehlo.toString());
            out.write("MAIL FROM:<a@example.org>\r\nRCPT TO:<b@example.org>\r\nDATA\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(in.readLine().startsWith("250 "));
            assertTrue(in.readLine().startsWith("250 "));
            assertTrue(in.readLine().startsWith("354 "));
            out.write("Subject: x\r\n\r\n..stuffed\r\n.\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("250 2.0.0 Ok: queued as 1", in.readLine());
            assertTrue(in.readLine().startsWith("221 "));
            assertEquals(1, sink.messages());
        }
    }
}
