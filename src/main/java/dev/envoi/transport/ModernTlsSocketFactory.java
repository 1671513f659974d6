package dev.envoi.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets from Envoi's own trust decision ({@link ServerTrust}), limited to TLS 1.3 and 1.2,
 * with TCP_NODELAY. Used for implicit TLS and for the STARTTLS upgrade alike.
 */
final class ModernTlsSocketFactory extends SSLSocketFactory {

    static final String PROTOCOLS = "TLSv1.3 TLSv1.2";

    private final SSLSocketFactory delegate;
    private final SocketTracker tracker;

    ModernTlsSocketFactory(SSLContext context, SocketTracker tracker) {
        this.delegate = context.getSocketFactory();
        this.tracker = tracker;
    }

    private Socket modern(Socket socket) throws IOException {
        tracker.trackTls(socket);
        if (socket instanceof SSLSocket ssl) {
            String[] wanted = PROTOCOLS.split(" ");
            String[] offered = Arrays.stream(ssl.getSupportedProtocols())
                    .filter(p -> Arrays.asList(wanted).contains(p)).toArray(String[]::new);
            ssl.setEnabledProtocols(offered);
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return modern(tracker.track(delegate.createSocket()));
    }

    @Override
    public Socket createSocket(Socket plain, String host, int port, boolean autoClose) throws IOException {
        // STARTTLS: the plain socket below is already tracked, and keeps carrying the read timeout.
        return modern(delegate.createSocket(plain, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return modern(tracker.track(delegate.createSocket(host, port)));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return modern(tracker.track(delegate.createSocket(host, port, localHost, localPort)));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return modern(tracker.track(delegate.createSocket(host, port)));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return modern(tracker.track(delegate.createSocket(address, port, localAddress, localPort)));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
