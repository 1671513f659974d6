package dev.envoi.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback front for a real IMAP server (GreenMail) that adds what a test needs and GreenMail
 * lacks: RFC 6154 SPECIAL-USE (announced, {@code LIST (SPECIAL-USE)} answered from a plain LIST
 * with {@code \Sent} added to one folder), a connection dropped during APPEND (before the server
 * gets the message, or after it stored it and before the client hears so), a refused login, and
 * SASL XOAUTH2 with a bearer token checked by the test (then passed on as GreenMail's plain LOGIN).
 * Everything else passes through byte for byte, literals included.
 */
public final class ImapFront implements AutoCloseable {

    /** What happens to an APPEND. */
    public enum Append { PASS, DROP_BEFORE, DROP_AFTER_STORED }

    private static final Pattern BEARER = Pattern.compile("auth=Bearer ([^\u0001]*)\u0001");
    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}\r\n$");

    private final ServerSocket listener;
    private final int backendPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger appendsSeen = new AtomicInteger();
    private volatile String sentFolder;
    /** Marks the Sent folder through XLIST (Gmail's older extension) instead of SPECIAL-USE. */
    private volatile boolean xlist;
    private volatile Append append = Append.PASS;
    private volatile boolean refuseLogin;
    private volatile BiPredicate<String, String> bearerCheck;
    private volatile String backendUser;
    private volatile String backendPassword;
    /** Every line a client sent (literals left out), and every SASL response decoded. */
    private final List<String> clientLines = new CopyOnWriteArrayList<>();

    public ImapFront(int backendPort) throws IOException {
        this.backendPort = backendPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "imap-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Announces SPECIAL-USE and marks this folder {@code \Sent}. */
    public ImapFront markSent(String folder) {
        this.sentFolder = folder;
        return this;
    }

    /**
     * Announces XLIST (not SPECIAL-USE) and marks this folder {@code \Sent} in XLIST's answer
     * only: a plain LIST shows no mark, so only a client that asks XLIST finds it.
     */
    public ImapFront markSentWithXlist(String folder) {
        this.xlist = true;
        this.sentFolder = folder;
        return this;
    }

    public ImapFront onAppend(Append what) {
        this.append = what;
        return this;
    }

    /** Answers every LOGIN or AUTHENTICATE with NO [AUTHENTICATIONFAILED]. */
    public ImapFront refuseLogin() {
        this.refuseLogin = true;
        return this;
    }

    /**
     * Announces AUTH=XOAUTH2 and takes only it: the bearer token goes to {@code check} (mechanism,
     * token); a good one logs in to the server behind as {@code user}/{@code password}. LOGIN is refused.
     */
    public ImapFront requireBearer(BiPredicate<String, String> check, String user, String password) {
        this.backendUser = user;
        this.backendPassword = password;
        this.bearerCheck = check;
        return this;
    }

    /** What clients said to this front, SASL responses decoded. */
    public List<String> clientLines() {
        return List.copyOf(clientLines);
    }

    public int appendsSeen() {
        return appendsSeen.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                sockets.add(client);
                sockets.add(server);
                Connection connection = new Connection(client, server);
                start(connection::clientToServer);
                start(connection::serverToClient);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "imap-front-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** Set once an APPEND was forwarded that must look lost to the client. */
        private volatile String swallowTag;
        /** The tag of an XLIST forwarded as a LIST, whose answers go back as XLIST lines. */
        private volatile String xlistTag;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void clientToServer() {
            try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
                String line;
                while ((line = readLine(in)) != null) {
                    String[] words = line.split(" ", 3);
                    String command = words.length > 1 ? words[1].toUpperCase(java.util.Locale.ROOT) : "";
                    clientLines.add(line);
                    if (bearerCheck != null && (command.equals("LOGIN") || command.equals("AUTHENTICATE"))) {
                        bearerLogin(words, in, out);
                        continue;
                    }
                    if (refuseLogin && (command.equals("LOGIN") || command.equals("AUTHENTICATE"))) {
                        reply(words[0] + " NO [AUTHENTICATIONFAILED] Invalid credentials (front)\r\n");
                        continue;
                    }
                    if (command.equals("APPEND")) {
                        appendsSeen.incrementAndGet();
                        if (append == Append.DROP_BEFORE) {
                            closeBoth();
                            return;
                        }
                        if (append == Append.DROP_AFTER_STORED) {
                            swallowTag = words[0];
                        }
                    }
                    if (xlist && command.equals("XLIST")) {
                        xlistTag = words[0];
                        line = words[0] + " LIST " + words[2];
                    }
                    if (sentFolder != null && line.toUpperCase(java.util.Locale.ROOT).contains(" LIST (SPECIAL-USE) ")) {
                        line = line.replaceFirst("(?i) LIST \\(SPECIAL-USE\\) ", " LIST ");
                    }
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                    copyLiteral(line, in, out);
                    out.flush();
                }
            } catch (IOException e) {
                closeBoth();
            }
        }

        void serverToClient() {
            try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
                String line;
                while ((line = readLine(in)) != null) {
                    String tag = swallowTag;
                    if (tag != null && line.startsWith(tag + " ")) {
                        // The server stored the message; the client never hears it.
                        closeBoth();
                        return;
                    }
                    String shown = withCapabilities(sentFolder == null ? line : xlist ? withXlist(line) : withSpecialUse(line));
                    synchronized (this) {
                        out.write(shown.getBytes(StandardCharsets.UTF_8));
                        copyLiteral(line, in, out);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                closeBoth();
            }
        }

        /** AUTHENTICATE XOAUTH2, with its initial response or after a "+" (no SASL-IR); anything else is refused. */
        private void bearerLogin(String[] words, InputStream in, OutputStream out) throws IOException {
            String[] args = words.length > 2 ? words[2].strip().split(" ") : new String[0];
            if (!words[1].equalsIgnoreCase("AUTHENTICATE") || !args[0].equalsIgnoreCase("XOAUTH2")) {
                reply(words[0] + " NO [AUTHENTICATIONFAILED] bearer tokens only (front)\r\n");
                return;
            }
            String response;
            if (args.length > 1) {
                response = args[1];
            } else {
                reply("+ \r\n");
                String next = readLine(in);
                response = next == null ? "" : next.strip();
            }
            String decoded = new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8);
            clientLines.add(decoded);
            Matcher bearer = BEARER.matcher(decoded);
            if (bearer.find() && bearerCheck.test("XOAUTH2", bearer.group(1))) {
                out.write((words[0] + " LOGIN \"" + backendUser + "\" \"" + backendPassword + "\"\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
            } else {
                reply(words[0] + " NO [AUTHENTICATIONFAILED] Invalid token (front)\r\n");
            }
        }

        private synchronized void reply(String line) throws IOException {
            OutputStream out = client.getOutputStream();
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private String withCapabilities(String line) {
            return bearerCheck == null ? line : announcing(line, "AUTH=XOAUTH2");
        }

        /** The line with {@code capability} added if it lists the capabilities (untagged, or a response code). */
        private static String announcing(String line, String capability) {
            if (line.toUpperCase(java.util.Locale.ROOT).startsWith("* CAPABILITY ")) {
                return line.replace("\r\n", " " + capability + "\r\n");
            }
            return line.replaceFirst("(?i)\\[CAPABILITY ([^]]*)]", "[CAPABILITY $1 " + capability + "]");
        }

        private static boolean listsCapabilities(String upper) {
            return upper.startsWith("* CAPABILITY ") || upper.contains("[CAPABILITY ");
        }

        private String withXlist(String line) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (listsCapabilities(upper)) {
                return announcing(line, "XLIST");
            }
            String tag = xlistTag;
            if (tag == null) {
                return line;
            }
            if (line.startsWith(tag + " ")) {
                xlistTag = null;
                return line;
            }
            if (upper.startsWith("* LIST (")) {
                String answer = line.replaceFirst("\\* LIST \\(", "* XLIST (");
                String name = sentFolder;
                if (line.endsWith(" \"" + name + "\"\r\n") || line.endsWith(" " + name + "\r\n")) {
                    answer = answer.replaceFirst("\\* XLIST \\(", "* XLIST (\\\\Sent ").replace("(\\Sent )", "(\\Sent)");
                }
                return answer;
            }
            return line;
        }

        private String withSpecialUse(String line) {
            String upper = line.toUpperCase(java.util.Locale.ROOT);
            if (listsCapabilities(upper)) {
                return announcing(line, "SPECIAL-USE");
            }
            String name = sentFolder;
            if (upper.startsWith("* LIST (") && (line.endsWith(" \"" + name + "\"\r\n") || line.endsWith(" " + name + "\r\n"))) {
                return line.replaceFirst("\\* LIST \\(", "* LIST (\\\\Sent ").replace("(\\Sent )", "(\\Sent)");
            }
            return line;
        }

        private void closeBoth() {
            try {
                client.close();
                server.close();
            } catch (IOException ignored) {
                // Closing is all that was asked.
            }
        }
    }

    /** Copies the literal a line announces ({N} or {N+} at its end), byte for byte. */
    private static void copyLiteral(String line, InputStream in, OutputStream out) throws IOException {
        Matcher literal = LITERAL.matcher(line);
        if (literal.find()) {
            out.flush();
            long left = Long.parseLong(literal.group(1));
            byte[] buffer = new byte[8192];
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("end of stream inside a literal");
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    /** One line with its CRLF, as UTF-8 (IMAP lines outside literals are text); null at the end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (previous == '\r' && b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            previous = b;
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
