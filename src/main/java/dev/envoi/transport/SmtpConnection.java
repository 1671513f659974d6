package dev.envoi.transport;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus's SMTP client with Envoi's hand-off point built in. Angus writes a message as
 * {@code writeTo(data())} followed by {@code finishData()}, which writes the end-of-data marker:
 * <ul>
 *   <li>{@link #data()} lets Angus send DATA, then returns Envoi's data stream, under which the gate
 *       is asked about a cancel as bytes go out; a cancel becomes an IOException, on which Angus
 *       closes the socket at once, so the server never sees the marker and discards what it got;</li>
 *   <li>{@link #finishData()} records the hand-off, durably, before calling Angus to write the
 *       marker, and lengthens the read timeout for the reply to it.</li>
 * </ul>
 * Angus writes every command, the marker included; the message data between DATA and the marker
 * is written by {@link SmtpDataStream}, which makes it transparent as Angus would, in fewer passes.
 */
final class SmtpConnection extends SMTPTransport {

    private final SocketTracker sockets;
    private final SmtpTimeouts timeouts;
    private final WriteWatchdog watchdog;
    private HandOffGate gate;
    private long expectedSize;
    private boolean handedOff;
    private boolean endOfDataWritten;
    private GatedOutputStream stream;
    private SmtpDataStream data;
    private boolean utf8Needed;
    private boolean authenticating;

    SmtpConnection(Session session, SocketTracker sockets, SmtpTimeouts timeouts) {
        super(session, new URLName("smtp", null, -1, null, null, null), "smtp", false);
        this.sockets = sockets;
        this.timeouts = timeouts;
        this.watchdog = new WriteWatchdog(sockets, timeouts.write());
    }

    /** Arms the hooks for one message. */
    void beginMessage(HandOffGate messageGate, long expected) {
        this.gate = messageGate;
        this.expectedSize = expected;
        this.handedOff = false;
        this.endOfDataWritten = false;
        this.stream = null;
    }

    /**
     * Whether the next message needs SMTPUTF8 (RFC 6531): only an address outside ASCII does.
     * Angus asks for it in every MAIL FROM once the server offers it; Envoi asks only when needed,
     * so an all-ASCII message goes to such a server as it would to any other.
     */
    void needsUtf8(boolean needed) {
        this.utf8Needed = needed;
    }

    /** What the server offers, whatever the current message needs. */
    boolean offers(String extension) {
        return super.supportsExtension(extension);
    }

    @Override
    public boolean supportsExtension(String extension) {
        // Angus's MAIL FROM adds SMTPUTF8 whenever this says the server has it.
        if ("SMTPUTF8".equalsIgnoreCase(extension) && !utf8Needed) {
            return false;
        }
        return super.supportsExtension(extension);
    }

    boolean handedOff() {
        return handedOff;
    }

    /**
     * True once the end-of-data marker left for the server. A write that failed means the
     * connection was gone before it: the server cannot have the whole message, so that failure is
     * not uncertain even though the hand-off point was passed.
     */
    boolean endOfDataWritten() {
        return endOfDataWritten;
    }

    /** True once the server said go ahead to DATA (354) for the current message. */
    boolean dataStarted() {
        return stream != null;
    }

    long bytesWritten() {
        return stream == null ? 0 : stream.written();
    }

    @Override
    protected OutputStream data() throws MessagingException {
        // DATA and its 354 go through Angus, whose own data stream then stays empty: Angus has
        // flushed its buffer after the command, so the data written to the socket here comes
        // next, and the marker Angus writes in finishData comes after it.
        super.data();
        OutputStream socket;
        try {
            socket = sockets.dataOutput();
        } catch (IOException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        // Only the body is written with Nagle's gathering; finishData (or the abort that follows
        // any failure) ends it before another command.
        sockets.gatherData();
        stream = new GatedOutputStream(socket, gate, expectedSize);
        data = new SmtpDataStream(watchedAndCancelAware(stream));
        return data;
    }

    /** Every write of message data is under the write timeout, and a cancel resets the connection. */
    private OutputStream watchedAndCancelAware(OutputStream gated) {
        return new FilterOutputStream(gated) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                watchdog.writing();
                try {
                    out.write(buffer, offset, length);
                } catch (GatedOutputStream.CancelledIOException e) {
                    sockets.resetOnClose();
                    throw e;
                } catch (IOException e) {
                    throw watchdog.fired() ? watchdog.timedOut(e) : e;
                } finally {
                    watchdog.done();
                }
            }

            @Override
            public void flush() throws IOException {
                watchdog.writing();
                try {
                    out.flush();
                } catch (IOException e) {
                    throw watchdog.fired() ? watchdog.timedOut(e) : e;
                } finally {
                    watchdog.done();
                }
            }
        };
    }

    /**
     * Streams the message and commits it: Angus writes the DATA, then calls {@link #finishData},
     * where {@link #handOffBeforeEndOfData} passes the hand-off gate just before the end-of-data
     * marker. Until then a cancel wins; after it the message is the server's.
     */
    void sendThroughHandOffGate(MimeMessage mime, Address[] envelope) throws MessagingException {
        sendMessage(mime, envelope);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        data.finish();
        sockets.sendPromptly();
        handOffBeforeEndOfData();
        handedOff = true;
        sockets.setReadTimeout(timeouts.millis(timeouts.endOfData()));
        try {
            super.finishData();
        } finally {
            sockets.setReadTimeout(timeouts.millis(timeouts.command()));
        }
    }

    /**
     * The hand-off point of SMTP: the store records, durably, that the message is handed off,
     * before the end-of-data marker that commits it at the server goes out. A cancel recorded
     * first makes it throw, and the connection is reset instead, so the server never commits.
     */
    private void handOffBeforeEndOfData() throws IOException {
        try {
            gate.handOff();
        } catch (TransferCancelledException e) {
            sockets.resetOnClose();
            throw new GatedOutputStream.CancelledIOException(e);
        }
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        watchdog.writing();
        try {
            super.sendCommand(command);
        } catch (MessagingException e) {
            if (watchdog.fired()) {
                MessagingException timedOut = new MessagingException(watchdog.description());
                timedOut.addSuppressed(e);
                throw timedOut;
            }
            throw e;
        } finally {
            watchdog.done();
        }
        if (handedOff && ".".equals(command)) {
            endOfDataWritten = true;
        }
    }

    /**
     * Angus closes the socket without a word when the server refuses the login; Envoi says QUIT
     * first, as after any other refusal, so the server ends the session cleanly.
     */
    @Override
    public synchronized int simpleCommand(String command) throws MessagingException {
        if (command.regionMatches(true, 0, "AUTH ", 0, 5)) {
            authenticating = true;
        }
        return afterReply(super.simpleCommand(command));
    }

    @Override
    protected int simpleCommand(byte[] command) throws MessagingException {
        return afterReply(super.simpleCommand(command));
    }

    private int afterReply(int code) throws MessagingException {
        if (authenticating && code != 334) {
            authenticating = false;
            if (code >= 400) {
                super.sendCommand("QUIT");
            }
        }
        return code;
    }

    @Override
    public synchronized void close() throws MessagingException {
        watchdog.stop();
        super.close();
    }

    /**
     * One command and its reply code, for a SASL exchange Angus does not know ({@link BearerLogin}).
     * Envoi runs that exchange itself: a refused token leaves the session open for the one try with
     * a fresh token, and the caller closes it (with QUIT) if that is refused too.
     */
    int command(String line) throws MessagingException {
        return super.simpleCommand(line);
    }

    Session session() {
        return session;
    }

    /**
     * Says QUIT and closes: for a connection whose state is known (the server answered, even with a
     * refusal), so the server ends its session cleanly instead of logging a lost connection.
     */
    void quit() {
        try {
            close();
        } catch (MessagingException e) {
            abort();
        }
    }

    /** Closes the socket without QUIT; for a connection that must not be trusted any more. */
    void abort() {
        watchdog.stop();
        sockets.abort();
        try {
            close();
        } catch (MessagingException e) {
            // The socket is gone already.
        }
    }
}
