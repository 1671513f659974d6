package dev.envoi.bench;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * How fast any design of Envoi's hand-off could be on this machine with the hand-off recorded
 * durably before the end of data (issue 21, bar 3): what is left when everything that can leave
 * the path has left it. The message is built before the clock starts; a worker thread, woken
 * through a queue as a spooler would be, keeps one connection open, pipelines MAIL, RCPT and DATA
 * in one write, sends the content once the 354 is in, and sends the end of data once the durable
 * record ({@link DurablePage}), written by a second thread from the moment of waking, is on the
 * disk; then reads the 250. No store, no MIME, no checks: a bound for the design, not a way to send
 * mail.
 */
final class LeanHandOffBound implements AutoCloseable {

    static final String NAME = "bound for any design: woken worker, pipelined envelope, record written beside the "
            + "envelope and data, awaited before the end of data";

    private static final byte[] END_OF_DATA = ascii(".\r\n");

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] envelope;
    private final byte[] content;
    private final DurablePage record;
    private final BlockingQueue<Integer> handed = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Throwable> failures = new ArrayBlockingQueue<>(16);
    private final BlockingQueue<Integer> toRecord = new ArrayBlockingQueue<>(1);
    private final BlockingQueue<Boolean> recorded = new ArrayBlockingQueue<>(1);
    private final Thread worker;
    private final Thread recorder;

    /** With {@code recordFolder} null the record is left out: the same path with nothing durable. */
    LeanHandOffBound(SinkSmtpServer sink, Path recordFolder) throws Exception {
        socket = new Socket(sink.host(), sink.port());
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        readReply();
        out.write(ascii("EHLO bound.localhost\r\n"));
        out.flush();
        readReply();
        envelope = ascii("MAIL FROM:<" + SmtpPeers.FROM.address() + ">\r\nRCPT TO:<" + SmtpPeers.TO + ">\r\nDATA\r\n");
        content = dotStuffed(SmtpPeers.stockMessage(Session.getInstance(new Properties()),
                SmtpPeers.tenKilobytes(0)));
        record = recordFolder == null ? null : new DurablePage(recordFolder);
        worker = new Thread(this::work, "lean-hand-off");
        worker.setDaemon(true);
        worker.start();
        recorder = new Thread(this::record, "lean-record");
        recorder.setDaemon(true);
        recorder.start();
    }

    /** Hands one message to the worker, as a submit would; the caller times it to the sink's 250. */
    void handOff(int round) throws Exception {
        Throwable failure = failures.poll();
        if (failure != null) {
            throw new IllegalStateException("the worker failed", failure);
        }
        handed.put(round);
    }

    private void work() {
        try {
            while (true) {
                int round = handed.take();
                if (record != null) {
                    toRecord.put(round);
                }
                out.write(envelope);
                out.flush();
                readReply();
                readReply();
                readReply();
                out.write(content);
                out.flush();
                if (record != null && !recorded.take()) {
                    throw new IOException("the record failed");
                }
                out.write(END_OF_DATA);
                out.flush();
                readReply();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private void record() {
        try {
            while (true) {
                int round = toRecord.take();
                boolean written = false;
                try {
                    record.write(round);
                    written = true;
                } finally {
                    recorded.put(written);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    /** Reads one reply, all its lines; refuses anything but 2xx and 3xx. */
    private void readReply() throws IOException {
        while (true) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                line.append((char) c);
            }
            if (line.length() < 4 || line.charAt(0) > '3') {
                throw new IOException("refused: " + line);
            }
            if (line.charAt(3) != '-') {
                return;
            }
        }
    }

    /**
     * The message's bytes as SMTP carries them, made once: lines end in CRLF (writeTo leaves a text
     * body's bare LFs, which SMTPTransport turns into CRLF as it sends), a line that starts with a
     * dot gets another, and the last line ends.
     */
    private static byte[] dotStuffed(MimeMessage message) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream(bytes.length + 64);
        boolean lineStart = true;
        byte previous = 0;
        for (byte b : bytes) {
            if (lineStart && b == '.') {
                stuffed.write('.');
            }
            if (b == '\n' && previous != '\r') {
                stuffed.write('\r');
            }
            stuffed.write(b);
            lineStart = b == '\n';
            previous = b;
        }
        if (!lineStart) {
            stuffed.write('\r');
            stuffed.write('\n');
        }
        return stuffed.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws Exception {
        worker.interrupt();
        recorder.interrupt();
        worker.join(5_000);
        recorder.join(5_000);
        if (record != null) {
            record.close();
        }
        socket.close();
    }
}
