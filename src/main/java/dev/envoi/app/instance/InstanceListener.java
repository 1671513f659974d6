package dev.envoi.app.instance;

import dev.envoi.app.cli.ComposeRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The running Envoi's end of the single-instance channel: a Unix domain socket in the profile
 * folder, or, where one cannot be made (no support, a path too long for a socket), a loopback
 * TCP port whose number and random token are written to an owner-only file. It reads one request
 * per connection, opens the window it asks for, and answers {@code ok} or {@code refused REASON}.
 * A malformed request is refused and logged; nothing a client sends can stop the listener.
 */
final class InstanceListener implements AutoCloseable {

    /** The largest body (10 MiB) with every byte escaped, and room for the rest. */
    static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    /** Long enough for an Envoi still starting on a busy machine to show its first window. */
    static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    static final String TOKEN_FIELD = "token ";

    private final InstanceFiles files;
    private final ServerSocketChannel server;
    private final Optional<byte[]> token;
    private final WindowInbox inbox;
    private final Consumer<String> log;
    private final boolean verbose;
    private volatile boolean open = true;

    private InstanceListener(InstanceFiles files, ServerSocketChannel server, Optional<byte[]> token, WindowInbox inbox,
                             Consumer<String> log, boolean verbose) {
        this.files = files;
        this.server = server;
        this.token = token;
        this.inbox = inbox;
        this.log = log;
        this.verbose = verbose;
    }

    /**
     * Starts listening for {@code files}' profile. Call only while holding its {@link InstanceLock}:
     * any socket or port file found is then a stale one, left by an Envoi that crashed.
     *
     * @param unixSockets false to go straight to the TCP fallback (tests of it)
     * @param verbose     also log each window opened for another launch (--debug)
     */
    static InstanceListener start(InstanceFiles files, WindowInbox inbox, boolean unixSockets, Consumer<String> log,
                                  boolean verbose) throws IOException {
        Files.deleteIfExists(files.socket());
        Files.deleteIfExists(files.tcp());
        InstanceListener listener = null;
        if (unixSockets) {
            try {
                listener = new InstanceListener(files, bindUnix(files), Optional.empty(), inbox, log, verbose);
            } catch (IOException | UnsupportedOperationException e) {
                if (verbose) {
                    log.accept("no Unix socket in " + files.profile() + " (" + e.getMessage() + "); using a loopback port");
                }
            }
        }
        if (listener == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)
                    .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            try {
                int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
                writeOwnerOnly(files.tcp(), port + " " + HexFormat.of().formatHex(secret) + "\n");
            } catch (IOException e) {
                server.close();
                throw e;
            }
            listener = new InstanceListener(files, server, Optional.of(secret), inbox, log, verbose);
        }
        Thread thread = new Thread(listener::acceptLoop, "envoi-instance-listener");
        thread.setDaemon(true);
        thread.start();
        return listener;
    }

    /**
     * Binds under a random name, makes the socket the owner's only, and only then renames it to
     * its public name: nobody can connect in between, even in a folder others may enter.
     */
    private static ServerSocketChannel bindUnix(InstanceFiles files) throws IOException {
        Path temporary = files.profile().resolve("instance-" + UnguessableName.next() + ".sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(temporary), 16);
            if (posix()) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(temporary, files.socket(), StandardCopyOption.ATOMIC_MOVE);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        if (posix()) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** True when another launch reaches this one through a TCP port (no Unix socket here). */
    boolean usesTcp() {
        return token.isPresent();
    }

    private void acceptLoop() {
        while (open) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return; // closed: Envoi is quitting
            } catch (IOException e) {
                log.accept("cannot take requests from other launches: " + e.getMessage());
                pause();
                continue;
            }
            try (client) {
                answer(client);
            } catch (IOException e) {
                if (verbose) {
                    log.accept("another launch went away before its answer: " + e);
                }
            } catch (RuntimeException e) {
                log.accept("unexpected error on a window request from another launch: " + e);
            }
        }
    }

    /** After a failed accept (out of file handles, say), so the loop does not spin. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void answer(SocketChannel client) throws IOException {
        AtomicBoolean read = new AtomicBoolean();
        // A client that never finishes its request must not hold the listener: close it at the deadline.
        CompletableFuture.delayedExecutor(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!read.get()) {
                closeQuietly(client);
            }
        });
        byte[] bytes = Channels.newInputStream(client).readNBytes(MAX_REQUEST_BYTES + 1);
        read.set(true);
        String reply;
        try {
            WindowRequest request = parse(bytes);
            inbox.deliver(request, OPEN_TIMEOUT);
            if (verbose) {
                log.accept("opened " + describe(request) + " for another launch");
            }
            reply = "ok";
        } catch (MalformedRequestException e) {
            log.accept("refused a window request from another launch: " + e.getMessage());
            reply = "refused " + e.getMessage();
        } catch (WindowInbox.NotOpenedException e) {
            reply = "refused " + e.getMessage();
        }
        client.write(ByteBuffer.wrap((reply.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    private WindowRequest parse(byte[] bytes) throws MalformedRequestException {
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw new MalformedRequestException("larger than " + MAX_REQUEST_BYTES / (1024 * 1024) + " MiB");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedRequestException("not UTF-8 text");
        }
        if (token.isPresent()) {
            text = withoutToken(text, token.get());
        }
        return WindowRequestText.decode(text);
    }

    /** Checks, in constant time, the token line a TCP client must start with; never shows the token. */
    private static String withoutToken(String text, byte[] expected) throws MalformedRequestException {
        int end = text.indexOf('\n');
        String given = end < 0 || !text.startsWith(TOKEN_FIELD) ? "" : text.substring(TOKEN_FIELD.length(), end);
        byte[] givenBytes;
        try {
            givenBytes = HexFormat.of().parseHex(given);
        } catch (IllegalArgumentException e) {
            givenBytes = new byte[0];
        }
        if (!MessageDigest.isEqual(givenBytes, expected)) {
            throw new MalformedRequestException("the connection did not give this Envoi's token");
        }
        return text.substring(end + 1);
    }

    private static String describe(WindowRequest request) {
        if (request.outbox()) {
            return "the outbox";
        }
        ComposeRequest compose = request.compose();
        return "a compose window (recipients: " + compose.recipients().size() + ", attachments: "
                + compose.attachments().size() + ")";
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }

    /** Stops listening and removes the socket or port file, so the next launch finds nothing stale. */
    @Override
    public void close() {
        open = false;
        try {
            server.close();
            Files.deleteIfExists(files.socket());
            Files.deleteIfExists(files.tcp());
        } catch (IOException e) {
            // The next Envoi to take the lock replaces what is left.
        }
    }
}
