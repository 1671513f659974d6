package dev.envoi.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The SMTP server of every benchmark, for Envoi and its peers alike: a real server on loopback that
 * says yes to everything and throws the data away as fast as it reads it. It offers PIPELINING
 * (replies to a pipelined batch go out in one write), sets TCP_NODELAY so its own replies never
 * wait on Nagle, and answers the end of data at once, so what a benchmark measures is the client.
 */
final class SinkSmtpServer implements AutoCloseable {

    private static final byte[] GREETING = ascii("220 sink.localhost ESMTP benchmark sink\r\n");
    private static final byte[] EHLO = ascii("250-sink.localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-SIZE\r\n"
            + "250 ENHANCEDSTATUSCODES\r\n");
    private static final byte[] OK = ascii("250 2.0.0 OK\r\n");
    private static final byte[] GO_AHEAD = ascii("354 End data with <CR><LF>.<CR><LF>\r\n");
    private static final byte[] BYE = ascii("221 2.0.0 Bye\r\n");
    private static final byte[] REFUSED = ascii("550 5.1.1 No such user here\r\n");
    private static final byte[] TRY_LATER = ascii("451 4.3.0 Try again later\r\n");
    private static final byte[] NO_RECIPIENTS = ascii("554 5.5.1 No valid recipients\r\n");
    private static final byte[] UNKNOWN = ascii("502 5.5.2 Command not recognised\r\n");

    private final ServerSocket server;
    private final ExecutorService sessions = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp-sink");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong dataBytes = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();
    private final java.util.Set<String> triedOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile LongConsumer acceptedListener = nanos -> { };

    private SinkSmtpServer(ServerSocket server) {
        this.server = server;
        sessions.execute(this::acceptLoop);
    }

    static SinkSmtpServer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        return new SinkSmtpServer(socket);
    }

    int port() {
        return server.getLocalPort();
    }

    String host() {
        return server.getInetAddress().getHostAddress();
    }

    long messages() {
        return messages.get();
    }

    long dataBytes() {
        return dataBytes.get();
    }

    /** Called with System.nanoTime() just after each 250 reply to an end of data has been written. */
    void onAccepted(LongConsumer listener) {
        acceptedListener = listener;
    }

    /** Waits until this many messages have been accepted in all; false after the timeout. */
    boolean awaitMessages(long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (messages.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /**
     * Every recipient is accepted, but for the soak's faults: an address that starts with
     * "refuse" is refused for good, one that starts with "retry" is told to try later the first
     * time it is offered.
     */
    private byte[] recipientReply(String line) {
        int colon = line.indexOf('<');
        String address = colon < 0 ? "" : line.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (address.startsWith("refuse")) {
            refusals.incrementAndGet();
            return REFUSED;
        }
        if (address.startsWith("retry") && triedOnce.add(address)) {
            return TRY_LATER;
        }
        return OK;
    }

    long refusals() {
        return refusals.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            SmtpInput in = new SmtpInput(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            out.write(GREETING);
            out.flush();
            String line;
            int recipients = 0;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> out.write(EHLO);
                    case "HELO", "NOOP" -> out.write(OK);
                    case "MAIL", "RSET" -> {
                        recipients = 0;
                        out.write(OK);
                    }
                    case "RCPT" -> {
                        byte[] reply = recipientReply(line);
                        recipients += reply == OK ? 1 : 0;
                        out.write(reply);
                    }
                    case "DATA" -> {
                        if (recipients == 0) {
                            out.write(NO_RECIPIENTS);
                            break;
                        }
                        out.write(GO_AHEAD);
                        out.flush();
                        long bytes = in.skipData();
                        if (bytes < 0) {
                            return;
                        }
                        dataBytes.addAndGet(bytes);
                        long number = messages.incrementAndGet();
                        out.write(ascii("250 2.0.0 Ok: queued as " + number + "\r\n"));
                        out.flush();
                        acceptedListener.accept(System.nanoTime());
                    }
                    case "QUIT" -> {
                        out.write(BYE);
                        out.flush();
                        return;
                    }
                    default -> out.write(UNKNOWN);
                }
                // A pipelining client sent more commands already: answer them all in one write.
                if (!in.hasBuffered()) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to keep.
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
        sessions.shutdownNow();
    }
}
