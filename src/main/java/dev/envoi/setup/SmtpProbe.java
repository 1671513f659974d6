package dev.envoi.setup;

import dev.envoi.account.SmtpSecurity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Asks one host on one port whether it takes mail: with implicit TLS on 465 (the TLS handshake,
 * checked against the trusted authorities, then the 220 greeting), in the clear on 587 (the
 * greeting, then whether EHLO offers STARTTLS). It sends no user name and no password; it says
 * goodbye with QUIT.
 */
final class SmtpProbe {

    private final DnsLookup dns;
    private final SSLSocketFactory tls;
    private final Map<Integer, Integer> ports;

    /**
     * @param ports where each standard port is really asked; empty in use. Tests map 465 and 587
     *              to the free ports their servers listen on (no test can bind the real ones).
     */
    SmtpProbe(DnsLookup dns, SSLSocketFactory tls, Map<Integer, Integer> ports) {
        this.dns = dns;
        this.tls = tls;
        this.ports = Map.copyOf(ports);
    }

    /** What the server at host:port offers, as the endpoint to save (NONE: it offers no TLS at all). */
    Endpoint probe(String host, int port, Duration timeout) throws IOException {
        InetAddress address = dns.addresses(host).get(0);
        int actual = ports.getOrDefault(port, port);
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, actual), millis);
            plain.setSoTimeout(millis);
            if (port == SmtpSecurity.TLS.defaultPort()) {
                try (SSLSocket secured = (SSLSocket) tls.createSocket(plain, host, actual, true)) {
                    secured.setSoTimeout(millis);
                    secured.startHandshake();
                    talk(secured, false);
                    return new Endpoint(host, port, SmtpSecurity.TLS);
                }
            }
            boolean startTls = talk(plain, true);
            return new Endpoint(host, port, startTls ? SmtpSecurity.STARTTLS : SmtpSecurity.NONE);
        }
    }

    /** Reads the greeting and, if asked, says EHLO; true when the server offers STARTTLS. */
    private static boolean talk(Socket socket, boolean ehlo) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        reply(in, "220");
        boolean startTls = false;
        if (ehlo) {
            out.write("EHLO envoi.invalid\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            startTls = reply(in, "250").contains("\nSTARTTLS");
        }
        out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return startTls;
    }

    /** A whole (multi-line) reply; its lines' texts upper-cased, each after a newline. */
    private static String reply(BufferedReader in, String code) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int lines = 0; lines < 100; lines++) {
            String line = in.readLine();
            if (line == null || line.length() < 3 || !line.startsWith(code)) {
                throw new IOException("not an SMTP server (expected " + code + ")");
            }
            text.append('\n').append(line.length() > 4 ? line.substring(4).strip().toUpperCase(Locale.ROOT) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return text.toString();
            }
        }
        throw new IOException("an endless reply");
    }
}
