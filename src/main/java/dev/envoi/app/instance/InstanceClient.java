package dev.envoi.app.instance;

import dev.envoi.app.cli.Printable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A later launch's end of the single-instance channel: hands its window request to the running Envoi. */
final class InstanceClient {

    /** What became of the request. */
    sealed interface Answer {
        /** The running Envoi opened the window. */
        record Opened() implements Answer { }

        /** The running Envoi answered but did not open it (quitting, a malformed request). */
        record Refused(String reason) implements Answer { }

        /** Nobody answered: no socket yet, a stale one, or a running Envoi that did not reply in time. */
        record Unreachable(String reason) implements Answer { }
    }

    private static final int MAX_REPLY = 4096;

    private InstanceClient() {
    }

    /** Sends the request and waits, at most {@code timeout}, for the running Envoi to open the window. */
    static Answer forward(InstanceFiles files, WindowRequest request, Duration timeout) {
        List<Endpoint> endpoints = endpoints(files);
        if (endpoints.isEmpty()) {
            return new Answer.Unreachable("no socket or port file in " + files.profile());
        }
        String text = WindowRequestText.encode(request);
        Answer last = null;
        for (Endpoint endpoint : endpoints) {
            last = send(endpoint, endpoint.preamble() + text, timeout);
            if (!(last instanceof Answer.Unreachable)) {
                return last;
            }
        }
        return last;
    }

    /** Where the running Envoi listens; a token travels first on TCP. */
    private record Endpoint(SocketAddress address, String preamble) { }

    private static List<Endpoint> endpoints(InstanceFiles files) {
        List<Endpoint> endpoints = new ArrayList<>();
        if (Files.exists(files.socket())) {
            endpoints.add(new Endpoint(UnixDomainSocketAddress.of(files.socket()), ""));
        }
        try {
            String[] fields = Files.readString(files.tcp(), StandardCharsets.US_ASCII).strip().split(" ");
            if (fields.length == 2 && fields[0].matches("\\d{1,5}") && fields[1].matches("[0-9a-f]{64}")) {
                endpoints.add(new Endpoint(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        Integer.parseInt(fields[0])), InstanceListener.TOKEN_FIELD + fields[1] + "\n"));
            }
        } catch (NoSuchFileException e) {
            // Listening on a Unix socket, or not listening yet.
        } catch (IOException | RuntimeException e) {
            // Unreadable or half-written: as if absent, the caller tries again.
        }
        return endpoints;
    }

    private static Answer send(Endpoint endpoint, String message, Duration timeout) {
        AtomicBoolean answered = new AtomicBoolean();
        try (SocketChannel channel = SocketChannel.open(endpoint.address())) {
            // A running Envoi that never answers must not keep this launch waiting for ever.
            CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
                if (!answered.get()) {
                    try {
                        channel.close();
                    } catch (IOException e) {
                        // Closing is all that was wanted.
                    }
                }
            });
            ByteBuffer out = ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                channel.write(out);
            }
            channel.shutdownOutput();
            String reply = new String(Channels.newInputStream(channel).readNBytes(MAX_REPLY), StandardCharsets.UTF_8)
                    .strip();
            answered.set(true);
            if (reply.equals("ok")) {
                return new Answer.Opened();
            }
            if (reply.startsWith("refused ")) {
                return new Answer.Refused(Printable.of(reply.substring("refused ".length())));
            }
            return new Answer.Unreachable("an unexpected answer: \"" + Printable.of(reply) + "\"");
        } catch (IOException e) {
            return new Answer.Unreachable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
