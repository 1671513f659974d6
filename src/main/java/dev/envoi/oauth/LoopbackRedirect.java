package dev.envoi.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The redirect URI of a native app (RFC 8252 7.3): an HTTP listener on 127.0.0.1 at a port the
 * system chose, for one answer only. The first request to "/" is the browser coming back; it gets
 * a page saying the tab may be closed (or what went wrong), and the listener takes nothing more.
 */
final class LoopbackRedirect implements AutoCloseable {

    private static final Sentences WORDS = Sentences.of(LoopbackRedirect.class);

    private final HttpServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "envoi-oauth-redirect");
        t.setDaemon(true);
        return t;
    });
    private final CompletableFuture<URI> callback = new CompletableFuture<>();
    private final CallbackCheck check;

    /** Decides whether the browser's return is the answer expected, and which page it gets. */
    interface CallbackCheck {
        /** Null when the request is the answer expected; else a sentence for the page and the user. */
        String problemWith(URI request);
    }

    LoopbackRedirect(CallbackCheck check) throws IOException {
        this.check = check;
        // Bound to the loopback address only: nothing on the network can reach the listener.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(thread);
        server.start();
    }

    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Completes with the request URI (path and query) of the browser's return. */
    CompletableFuture<URI> callback() {
        return callback;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI request = exchange.getRequestURI();
            if (!"/".equals(request.getPath()) || callback.isDone()) {
                // A favicon, or a second visit: the one answer was taken already.
                respond(exchange, 404, WORDS.get("page.notHere"));
                return;
            }
            String problem = check.problemWith(request);
            if (problem == null) {
                respond(exchange, 200, WORDS.get("page.done"));
                callback.complete(request);
            } else {
                respond(exchange, 400, problem);
                callback.completeExceptionally(new SignInException(problem, null, false));
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String sentence) throws IOException {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Envoi</title></head>"
                + "<body style=\"font-family: sans-serif; margin: 3em\"><h1>Envoi</h1><p>" + escape(sentence)
                + "</p></body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        // The page holds no secret, but nothing of the exchange should linger in a cache.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }
}
