package dev.envoi.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-instance channel on real sockets, both processes' ends in this JVM: the first claim
 * listens, a second one hands its request over; stale files, malformed requests, silent or
 * tokenless clients and a quitting Envoi are all survived.
 */
@Timeout(60)
class InstanceChannelTest {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    @TempDir
    Path home;
    private final List<WindowRequest> opened = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<SingleInstance.Claim> claims = new ArrayList<>();

    @AfterEach
    void closeClaims() {
        claims.forEach(SingleInstance.Claim::close);
    }

    private InstanceFiles files() {
        return new InstanceFiles(home.resolve("profile"));
    }

    /** The running Envoi: it holds the profile and opens every window it is asked for. */
    private WindowInbox runningEnvoi(boolean unixSockets) {
        WindowInbox inbox = new WindowInbox();
        inbox.attach(request -> {
            opened.add(request);
            return CompletableFuture.completedFuture(null);
        });
        SingleInstance.Claim claim = launch(inbox, unixSockets, Duration.ofSeconds(5));
        assertInstanceOf(SingleInstance.Primary.class, claim, "the first launch runs the profile");
        return inbox;
    }

    private SingleInstance.Claim launch(WindowInbox inbox, boolean unixSockets, Duration patience) {
        return launch(inbox, unixSockets, patience, WindowRequest.compose(WindowRequestTextTest.everyField()));
    }

    private SingleInstance.Claim launch(WindowInbox inbox, boolean unixSockets, Duration patience, WindowRequest request) {
        SingleInstance instance = new SingleInstance(files(), inbox, log::add, true);
        SingleInstance.Claim claim = (unixSockets ? instance : instance.withoutUnixSockets()).claim(request, patience);
        claims.add(claim);
        return claim;
    }

    @Test
    void aSecondLaunchHandsItsRequestToTheFirstOverAUnixSocket() throws Exception {
        runningEnvoi(true);
        assertTrue(Files.exists(files().socket()) && !Files.exists(files().tcp()), "listening on a Unix socket");
        if (POSIX) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files().socket())));
        }
        SingleInstance.Claim second = launch(new WindowInbox(), true, Duration.ofSeconds(5));
        assertInstanceOf(SingleInstance.Forwarded.class, second, log.toString());
        assertEquals(List.of(WindowRequest.compose(WindowRequestTextTest.everyField())), opened);
        assertInstanceOf(SingleInstance.Forwarded.class,
                launch(new WindowInbox(), true, Duration.ofSeconds(5), WindowRequest.outboxWindow()));
        assertEquals(WindowRequest.outboxWindow(), opened.get(1));
    }

    @Test
    void withoutUnixSocketsALoopbackPortAndATokenInAnOwnerOnlyFileDoTheSame() throws Exception {
        runningEnvoi(false);
        assertTrue(Files.exists(files().tcp()) && !Files.exists(files().socket()), "listening on a loopback port");
        if (POSIX) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files().tcp())));
        }
        assertInstanceOf(SingleInstance.Forwarded.class, launch(new WindowInbox(), true, Duration.ofSeconds(5)));
        assertEquals(List.of(WindowRequest.compose(WindowRequestTextTest.everyField())), opened);
    }

    @Test
    void aConnectionWithoutTheTokenIsRefusedWithoutShowingTheToken() throws Exception {
        runningEnvoi(false);
        String[] portAndToken = Files.readString(files().tcp()).strip().split(" ");
        SocketAddress port = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0]));
        String request = WindowRequestText.encode(WindowRequest.outboxWindow());
        String wrong = portAndToken[1].substring(1) + (portAndToken[1].charAt(0) == 'a' ? "b" : "a");
        for (String preamble : List.of("", "token " + wrong + "\n", "token \n", "token zz\n")) {
            String reply = exchange(port, (preamble + request).getBytes(StandardCharsets.UTF_8));
            assertTrue(reply.startsWith("refused ") && reply.contains("token"), reply);
            assertFalse(reply.contains(portAndToken[1]), "the reply never shows the token");
        }
        assertTrue(opened.isEmpty(), "nothing opened for a connection without the token");
        assertTrue(log.stream().noneMatch(line -> line.contains(portAndToken[1])), "the log never shows the token");
        assertEquals("ok", exchange(port, ("token " + portAndToken[1] + "\n" + request).getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(WindowRequest.outboxWindow()), opened);
    }

    @Test
    void aMalformedRequestIsRefusedAndLoggedAndTheNextOneIsServed() throws Exception {
        runningEnvoi(true);
        SocketAddress socket = UnixDomainSocketAddress.of(files().socket());
        List<byte[]> garbage = List.of("hello\n".getBytes(StandardCharsets.UTF_8), new byte[0],
                new byte[] {(byte) 0xff, (byte) 0xfe, '\n'},
                "envoi-window 1\nopen compose\nattach ../etc/passwd\n".getBytes(StandardCharsets.UTF_8));
        for (byte[] bytes : garbage) {
            String reply = exchange(socket, bytes);
            assertTrue(reply.startsWith("refused "), reply);
        }
        assertEquals(garbage.size(), log.stream().filter(line -> line.startsWith("refused a window request")).count(),
                log.toString());
        assertTrue(opened.isEmpty());
        assertInstanceOf(SingleInstance.Forwarded.class, launch(new WindowInbox(), true, Duration.ofSeconds(5)));
        assertEquals(1, opened.size());
    }

    @Test
    void anOversizedRequestIsRefusedWithoutReadingItAll() throws Exception {
        runningEnvoi(true);
        byte[] huge = new byte[InstanceListener.MAX_REQUEST_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        String reply = exchangeIgnoringResets(UnixDomainSocketAddress.of(files().socket()), huge);
        assertTrue(reply.isEmpty() || reply.contains("larger than"), reply);
        assertTrue(log.stream().anyMatch(line -> line.contains("larger than")), log.toString());
        assertInstanceOf(SingleInstance.Forwarded.class, launch(new WindowInbox(), true, Duration.ofSeconds(5)));
    }

    @Test
    void aClientThatSendsNothingIsCutOffAndDoesNotBlockTheNext() throws Exception {
        runningEnvoi(true);
        try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(files().socket()))) {
            long start = System.nanoTime();
            assertInstanceOf(SingleInstance.Forwarded.class, launch(new WindowInbox(), true, Duration.ofSeconds(20)));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited < InstanceListener.READ_TIMEOUT.toMillis() + 3000, "served after " + waited + " ms");
            assertEquals(-1, silent.read(ByteBuffer.allocate(16)), "the silent client was disconnected");
        }
    }

    @Test
    void staleFilesLeftByACrashDoNotBlockTheNextStart() throws Exception {
        Files.createDirectories(files().profile());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(files().socket()));
        }
        Files.writeString(files().tcp(), "1 " + "ab".repeat(32) + "\n");
        assertTrue(Files.exists(files().socket()), "closing a Unix server socket leaves its file, as a crash does");
        runningEnvoi(true);
        assertFalse(Files.exists(files().tcp()), "the stale port file is gone");
        assertInstanceOf(SingleInstance.Forwarded.class, launch(new WindowInbox(), true, Duration.ofSeconds(5)));
        assertEquals(1, opened.size());
    }

    @Test
    void aProfilePathTooLongForAUnixSocketFallsBackToAPort() throws Exception {
        Path deep = home.resolve("a-folder-name-that-is-long".repeat(5));
        SingleInstance instance = new SingleInstance(new InstanceFiles(deep), new WindowInbox(), log::add, true);
        SingleInstance.Claim claim = instance.claim(WindowRequest.outboxWindow(), Duration.ofSeconds(5));
        claims.add(claim);
        SingleInstance.Primary primary = assertInstanceOf(SingleInstance.Primary.class, claim);
        assertTrue(primary.listener().orElseThrow().usesTcp(), log.toString());
        assertTrue(Files.exists(new InstanceFiles(deep).tcp()));
    }

    @Test
    void aQuittingEnvoiRefusesAndTheLaunchOpensItsOwnWindowAfterItsPatience() {
        WindowInbox running = runningEnvoi(true);
        running.close();
        long start = System.nanoTime();
        SingleInstance.Claim second = launch(new WindowInbox(), true, Duration.ofMillis(600));
        assertInstanceOf(SingleInstance.Alone.class, second);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "gave up after its patience");
        assertTrue(log.stream().anyMatch(line -> line.contains("quitting") && line.contains("opening it here")),
                log.toString());
        assertTrue(opened.isEmpty());
    }

    @Test
    void theLaunchThatComesAfterTheRunningOneClosedTakesOver() {
        runningEnvoi(true);
        claims.remove(0).close();
        assertFalse(Files.exists(files().socket()), "closing removes the socket file");
        SingleInstance.Claim next = launch(new WindowInbox(), true, Duration.ofSeconds(5));
        assertInstanceOf(SingleInstance.Primary.class, next);
    }

    private static String exchange(SocketAddress address, byte[] bytes) throws IOException {
        try (SocketChannel channel = SocketChannel.open(address)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.shutdownOutput();
            return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    /** The listener stops reading past its limit and closes; a write into that may see a reset. */
    private static String exchangeIgnoringResets(SocketAddress address, byte[] bytes) {
        try {
            return exchange(address, bytes);
        } catch (IOException e) {
            return "";
        }
    }
}
