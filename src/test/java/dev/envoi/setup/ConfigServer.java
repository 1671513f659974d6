package dev.envoi.setup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A local web server (JDK com.sun.net.httpserver), plain HTTP or HTTPS, serving files by path:
 * autoconfig and ISPDB files, hostile ones included. A path can be made to hang (never answer)
 * or to stream without end.
 */
public final class ConfigServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
    private final Map<String, Boolean> endless = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stalledBody = new ConcurrentHashMap<>();
    public final List<String> asked = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private ConfigServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "config-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static ConfigServer plain() throws IOException {
        return new ConfigServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    }

    /** HTTPS for the name "localhost", with the context's certificate. */
    public static ConfigServer https(SSLContext context) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        return new ConfigServer(server);
    }

    public String base() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        String host = server instanceof HttpsServer ? "localhost" : "127.0.0.1";
        return scheme + "://" + host + ":" + server.getAddress().getPort() + "/";
    }

    public ConfigServer file(String path, String body) {
        files.put(path, body);
        return this;
    }

    public ConfigServer hang(String path) {
        hanging.put(path, true);
        return this;
    }

    /** Answers 200 and the start of a file, then never another byte. */
    ConfigServer stallBody(String path) {
        stalledBody.put(path, true);
        return this;
    }

    ConfigServer endless(String path) {
        endless.put(path, true);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        asked.add(path);
        try (exchange) {
            if (hanging.containsKey(path)) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (stalledBody.containsKey(path)) {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write("<?xml version=\"1.0\"?>\n<clientConfig>".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (endless.containsKey(path)) {
                exchange.sendResponseHeaders(200, 0);
                byte[] chunk = "<clientConfig>".repeat(1000).getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 100_000; i++) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // The client stopped reading, as it should.
                }
                return;
            }
            String body = files.get(path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
