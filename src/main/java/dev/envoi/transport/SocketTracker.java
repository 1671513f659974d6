package dev.envoi.transport;

import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;

/**
 * Remembers the TCP socket of the current SMTP connection, so its read timeout can be lengthened
 * for the reply to the end-of-data marker (Angus has one read timeout for everything).
 */
final class SocketTracker {

    private static final Sentences WORDS = Sentences.of(SocketTracker.class);

    private volatile Socket socket;
    private volatile javax.net.ssl.SSLSocket tls;

    /** Every socket Envoi opens goes through here: no Nagle delay, so small commands leave at once. */
    Socket track(Socket created) throws SocketException {
        created.setTcpNoDelay(true);
        socket = created;
        tls = null;
        return created;
    }

    /** The TLS layer of the connection (the same socket for implicit TLS, a layer for STARTTLS). */
    Socket trackTls(Socket secured) {
        if (secured instanceof javax.net.ssl.SSLSocket ssl) {
            tls = ssl;
        }
        return secured;
    }

    /**
     * Where the message data goes: the stream of the socket Angus reads and writes, so after
     * STARTTLS the TLS layer, never the TCP socket beneath it.
     */
    java.io.OutputStream dataOutput() throws IOException {
        Socket tlsLayer = tls;
        Socket s = tlsLayer != null ? tlsLayer : socket;
        if (s == null) {
            throw new IOException(WORDS.get("data.noConnection"));
        }
        return s.getOutputStream();
    }

    java.util.Optional<javax.net.ssl.SSLSession> tlsSession() {
        javax.net.ssl.SSLSocket s = tls;
        return s == null || s.isClosed() ? java.util.Optional.empty() : java.util.Optional.of(s.getSession());
    }

    Socket current() {
        return socket;
    }

    /**
     * Lets the kernel gather message data into full segments (Nagle's algorithm) while a body is
     * written: the data stream hands the socket 8 KiB at a time, and with TCP_NODELAY each write
     * left as a segment of its own, which on loopback (a local relay) cost the sender and the
     * server a kernel round per 8 KiB: a third more CPU for a large attachment.
     */
    void gatherData() {
        setNoDelay(false);
    }

    /**
     * Back to TCP_NODELAY, which also sends at once whatever data Nagle still holds, so neither the
     * end-of-data marker nor the next command waits for the server's delayed acknowledgement.
     */
    void sendPromptly() {
        setNoDelay(true);
    }

    private void setNoDelay(boolean on) {
        Socket s = socket;
        if (s != null && !s.isClosed()) {
            try {
                s.setTcpNoDelay(on);
            } catch (SocketException e) {
                // The socket just died; the next write reports it.
            }
        }
    }

    void setReadTimeout(int millis) {
        Socket s = socket;
        if (s != null && !s.isClosed()) {
            try {
                s.setSoTimeout(millis);
            } catch (SocketException e) {
                // The socket just died; the next read reports it.
            }
        }
    }

    /**
     * Makes the coming close a reset: data still in the send buffer is thrown away instead of
     * trickling to the server, which sees the transfer end at once and discards the partial message.
     */
    void resetOnClose() {
        Socket s = socket;
        if (s != null && !s.isClosed()) {
            try {
                s.setSoLinger(true, 0);
            } catch (SocketException e) {
                // Closing anyway.
            }
        }
    }

    /** Drops the connection without a word: a half-sent message must never be completed. */
    void abort() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // Closed already.
            }
        }
    }
}
