package dev.envoi.bench;

import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * The fastest hand-off Java does with Jakarta Mail (issue 21, bar 3): one {@code SMTPTransport}
 * kept connected, TCP_NODELAY on its socket, sending the same message built once, parsed back from
 * its bytes so that each send only copies them. No store, no queue, nothing durable.
 */
final class KeptConnectionFloor implements AutoCloseable {

    static final String NAME = "floor: SMTPTransport kept connected, TCP_NODELAY, pre-built message";

    private final Transport transport;
    private final MimeMessage message;

    KeptConnectionFloor(SinkSmtpServer sink) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", sink.host());
        properties.setProperty("mail.smtp.port", String.valueOf(sink.port()));
        properties.put("mail.smtp.socketFactory", new NoDelaySockets());
        Session session = Session.getInstance(properties);
        MimeMessage built = SmtpPeers.stockMessage(session, SmtpPeers.tenKilobytes(0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        built.writeTo(bytes);
        message = new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
        transport = session.getTransport("smtp");
        transport.connect();
    }

    /** Sends the message once; returns when the transport has read the server's 250. */
    void send() throws Exception {
        transport.sendMessage(message, message.getAllRecipients());
    }

    @Override
    public void close() throws Exception {
        transport.close();
    }

    /** Plain sockets with Nagle's algorithm off. */
    private static final class NoDelaySockets extends SocketFactory {
        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return noDelay(new Socket(host, port, local, localPort));
        }
    }
}
