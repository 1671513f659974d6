package dev.envoi.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses connections for as long as it is open: bound but not listening, so
 * no other socket can take it, not even a client's own ephemeral port (which would connect to
 * itself, TCP's "simultaneous open", and make a closed port look reachable).
 */
final class RefusingPort implements AutoCloseable {

    private final Socket holder = new Socket();

    RefusingPort() throws IOException {
        holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
