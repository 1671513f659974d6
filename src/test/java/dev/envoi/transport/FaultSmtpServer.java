package dev.envoi.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.BufferedInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP server on loopback that misbehaves on cue: any reply at any stage, a connection
 * reset or a stall at a stage or in the middle of the data, a slow reader, SIZE, STARTTLS, DSN,
 * SMTPUTF8, AUTH PLAIN. It records every command and every message it received whole, and how
 * many data bytes arrived for a message that never ended.
 */
public final class FaultSmtpServer implements AutoCloseable {

    /** Where in the conversation a fault can be placed. */
    public enum Stage { GREETING, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA, RSET }

    /** What the server does instead of its normal answer. */
    public sealed interface Fault permits Reply, Reset, Stall, Close {
    }

    public record Reply(String line) implements Fault {
    }

    /** A TCP reset (RST), as a crashed server or a middlebox does. */
    public record Reset() implements Fault {
    }

    /** No answer at all; the connection stays open. */
    public record Stall() implements Fault {
    }

    /** A clean close (FIN) without a reply. */
    public record Close() implements Fault {
    }

    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<Stage, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final List<String> extensions = new CopyOnWriteArrayList<>(List.of("8BITMIME", "PIPELINING"));
    final List<String> commands = new CopyOnWriteArrayList<>();
    final List<byte[]> messages = new CopyOnWriteArrayList<>();
    // Messages the server may have kept: answered 2xx at the end of data, or not answered at all
    // (a stall or a reset then leaves the client unsure, as a real server's crash would).
    private final List<byte[]> kept = new CopyOnWriteArrayList<>();
    final AtomicLong partialDataBytes = new AtomicLong();
    final AtomicInteger connections = new AtomicInteger();
    final CountDownLatch dataStarted = new CountDownLatch(1);
    private volatile long resetAfterDataBytes = -1;
    private volatile long stallAfterDataBytes = -1;
    private volatile int slowReadDelayMillis;
    private volatile SSLContext tls;
    private volatile String user;
    private volatile String password;
    private volatile boolean closed;

    public FaultSmtpServer() throws IOException {
        listener = new ServerSocket();
        // Small before bind, so every connection gets a small window: a slow reader then really
        // holds the client back instead of queueing megabytes in the kernel.
        listener.setReceiveBufferSize(16 * 1024);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        acceptor = new Thread(this::acceptLoop, "fault-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public FaultSmtpServer at(Stage stage, Fault fault) {
        faults.put(stage, fault);
        return this;
    }

    public FaultSmtpServer reply(Stage stage, String line) {
        return at(stage, new Reply(line));
    }

    FaultSmtpServer refuseRecipient(String address, String line) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), line);
        return this;
    }

    FaultSmtpServer advertise(String extension) {
        extensions.add(extension);
        return this;
    }

    public FaultSmtpServer resetAfterDataBytes(long bytes) {
        resetAfterDataBytes = bytes;
        return this;
    }

    public FaultSmtpServer stallAfterDataBytes(long bytes) {
        stallAfterDataBytes = bytes;
        return this;
    }

    /** Reads the data 8 KiB at a time with this pause between reads: a slow link. */
    public FaultSmtpServer slowReader(int delayMillis) {
        slowReadDelayMillis = delayMillis;
        return this;
    }

    public FaultSmtpServer startTls(SSLContext context) {
        tls = context;
        extensions.add("STARTTLS");
        return this;
    }

    FaultSmtpServer requireLogin(String name, String secret) {
        user = name;
        password = secret;
        extensions.add("AUTH PLAIN");
        return this;
    }

    /** Every message received whole that the server did not refuse at the end of data. */
    public List<byte[]> kept() {
        return List.copyOf(kept);
    }

    /** Back to normal answers (data pacing and resets too), as a server restarted after its trouble. */
    public FaultSmtpServer clearFaults() {
        faults.clear();
        resetAfterDataBytes = -1;
        stallAfterDataBytes = -1;
        slowReadDelayMillis = 0;
        return this;
    }

    boolean saw(String commandPrefix) {
        return commands.stream().anyMatch(c -> c.toUpperCase(Locale.ROOT).startsWith(commandPrefix.toUpperCase(Locale.ROOT)));
    }

    List<String> commandsStartingWith(String prefix) {
        return commands.stream().filter(c -> c.toUpperCase(Locale.ROOT).startsWith(prefix)).toList();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread handler = new Thread(() -> serve(socket), "fault-smtp-session");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new Session(socket).run();
        } catch (IOException e) {
            // The client went away, or a fault closed the connection: the session just ends.
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed already.
            }
        }
    }

    /** One SMTP conversation. */
    private final class Session {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private boolean authenticated;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 4096);
            this.out = socket.getOutputStream();
        }

        void run() throws IOException {
            if (!answer(Stage.GREETING, "220 fault.test ESMTP ready")) {
                return;
            }
            String line;
            while ((line = readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                if (!handle(verb, line)) {
                    return;
                }
            }
        }

        private boolean handle(String verb, String line) throws IOException {
            switch (verb) {
                case "EHLO" -> {
                    return ehlo();
                }
                case "HELO" -> send("250 fault.test");
                case "STARTTLS" -> {
                    return startTls();
                }
                case "AUTH" -> {
                    return auth(line);
                }
                case "MAIL" -> {
                    if (user != null && !authenticated) {
                        send("530 5.7.0 Authentication required");
                        return true;
                    }
                    return answer(Stage.MAIL, "250 2.1.0 Ok");
                }
                case "RCPT" -> {
                    return rcpt(line);
                }
                case "DATA" -> {
                    return data();
                }
                case "RSET" -> {
                    return answer(Stage.RSET, "250 2.0.0 Ok");
                }
                case "NOOP" -> send("250 2.0.0 Ok");
                case "QUIT" -> {
                    send("221 2.0.0 Bye");
                    return false;
                }
                default -> send("502 5.5.2 Command not recognised");
            }
            return true;
        }

        private boolean ehlo() throws IOException {
            Fault fault = faults.get(Stage.EHLO);
            if (fault != null) {
                return act(fault);
            }
            List<String> lines = new ArrayList<>();
            lines.add("fault.test greets you");
            for (String extension : extensions) {
                if (extension.equals("STARTTLS") && socket instanceof SSLSocket) {
                    continue;
                }
                lines.add(extension);
            }
            for (int i = 0; i < lines.size(); i++) {
                send("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
            }
            return true;
        }

        private boolean startTls() throws IOException {
            Fault fault = faults.get(Stage.STARTTLS);
            if (fault != null) {
                return act(fault);
            }
            send("220 2.0.0 Ready to start TLS");
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, "localhost", socket.getPort(), true);
            secure.setUseClientMode(false);
            try {
                secure.startHandshake();
            } catch (IOException e) {
                return false;
            }
            socket = secure;
            in = new BufferedInputStream(secure.getInputStream(), 4096);
            out = secure.getOutputStream();
            return true;
        }

        private boolean auth(String line) throws IOException {
            Fault fault = faults.get(Stage.AUTH);
            if (fault != null) {
                return act(fault);
            }
            String[] parts = line.split(" ");
            String response = parts.length > 2 ? parts[2] : null;
            if (response == null) {
                send("334 ");
                response = readLine();
            }
            String[] fields = new String(Base64.getDecoder().decode(response.strip()), StandardCharsets.UTF_8).split("\0");
            authenticated = fields.length == 3 && fields[1].equals(user) && fields[2].equals(password);
            send(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
            return true;
        }

        private boolean rcpt(String line) throws IOException {
            String address = line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1").toLowerCase(Locale.ROOT);
            String special = rcptReplies.get(address);
            if (special != null) {
                send(special);
                return true;
            }
            return answer(Stage.RCPT, "250 2.1.5 Ok");
        }

        private boolean data() throws IOException {
            Fault dataFault = faults.get(Stage.DATA);
            if (dataFault != null) {
                return act(dataFault);
            }
            send("354 End data with <CR><LF>.<CR><LF>");
            dataStarted.countDown();
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            long count = 0;
            byte[] tail = new byte[5];
            int b;
            while (true) {
                if (resetAfterDataBytes >= 0 && count >= resetAfterDataBytes) {
                    partialDataBytes.set(count);
                    return act(new Reset());
                }
                if (stallAfterDataBytes >= 0 && count >= stallAfterDataBytes) {
                    partialDataBytes.set(count);
                    return act(new Stall());
                }
                if (slowReadDelayMillis > 0 && count % 8192 == 0 && count > 0) {
                    pause(slowReadDelayMillis);
                }
                try {
                    b = in.read();
                } catch (IOException e) {
                    b = -1;
                }
                if (b < 0) {
                    partialDataBytes.set(count);
                    return false;
                }
                count++;
                message.write(b);
                System.arraycopy(tail, 1, tail, 0, 4);
                tail[4] = (byte) b;
                if (count >= 3 && tail[2] == '\r' && tail[3] == '\n' && tail[4] == '.' && peekEndOfData(message)) {
                    break;
                }
            }
            byte[] raw = message.toByteArray();
            messages.add(java.util.Arrays.copyOf(raw, raw.length - 3));
            Fault endFault = faults.get(Stage.END_OF_DATA);
            if (!(endFault instanceof Reply reply) || reply.line().startsWith("2")) {
                // The CRLF before the final dot ends the message's last line (RFC 5321 4.1.1.4): it is kept.
                kept.add(java.util.Arrays.copyOf(raw, raw.length - 1));
            }
            return answer(Stage.END_OF_DATA, "250 2.0.0 Ok: queued as " + messages.size());
        }

        /** After CRLF '.', the terminator is CRLF; anything else was a dot-stuffed line. */
        private boolean peekEndOfData(ByteArrayOutputStream message) throws IOException {
            int cr = in.read();
            int lf = cr == '\r' ? in.read() : -1;
            if (cr == '\r' && lf == '\n') {
                return true;
            }
            if (cr >= 0 && cr != '.') {
                // A leading '..' is a stuffed '.', already kept once.
                message.write(cr);
            }
            if (lf >= 0) {
                message.write(lf);
            }
            return false;
        }

        /** Sends the normal reply, or acts out the fault scripted for the stage; false ends the session. */
        private boolean answer(Stage stage, String normal) throws IOException {
            Fault fault = faults.get(stage);
            if (fault == null) {
                send(normal);
                return true;
            }
            return act(fault);
        }

        private boolean act(Fault fault) throws IOException {
            if (fault instanceof Reply reply) {
                send(reply.line());
                return !reply.line().startsWith("421");
            }
            if (fault instanceof Reset) {
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            }
            if (fault instanceof Stall) {
                while (!closed && !socket.isClosed()) {
                    pause(50);
                }
                return false;
            }
            socket.shutdownOutput();
            return false;
        }

        private void send(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return null;
        }
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean awaitDataStarted(long seconds) throws InterruptedException {
        return dataStarted.await(seconds, TimeUnit.SECONDS);
    }

    /** Ends every connection now, between commands, as a server restarting or an idle timeout does. */
    void dropConnections(boolean reset) throws IOException {
        for (Socket socket : open) {
            if (reset) {
                socket.setSoLinger(true, 0);
            }
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (SocketException ignored) {
                // Closed already.
            }
        }
    }
}
