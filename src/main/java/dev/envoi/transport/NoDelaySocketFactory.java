package dev.envoi.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Plain sockets with TCP_NODELAY, recorded by the connection's {@link SocketTracker}. */
final class NoDelaySocketFactory extends SocketFactory {

    private final SocketTracker tracker;

    NoDelaySocketFactory(SocketTracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public Socket createSocket() throws IOException {
        return tracker.track(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tracker.track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tracker.track(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tracker.track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tracker.track(new Socket(address, port, localAddress, localPort));
    }
}
