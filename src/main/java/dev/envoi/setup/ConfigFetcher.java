package dev.envoi.setup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Fetches one autoconfig file over HTTP(S) with the JDK's client: a deadline for the whole
 * exchange, redirects followed except from HTTPS down to HTTP, and at most {@link #MAX_BYTES}
 * read, so a hostile server can neither hold the search nor fill the memory.
 */
final class ConfigFetcher {

    /** Real autoconfig files are a few KiB; the largest in the ISPDB is under 20. */
    static final int MAX_BYTES = 256 * 1024;

    /** A file as fetched; {@code secure} is false when any of it came over plain HTTP. */
    record Fetched(byte[] body, URI from, boolean secure) {
    }

    private final HttpClient client;

    ConfigFetcher(SSLContext tls, Duration connectTimeout) {
        this.client = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** The file at that URL, or empty when there is none (not found, not reachable in time). */
    Optional<Fetched> fetch(URI url, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/xml, text/xml")
                .GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            boolean secure = url.getScheme().equalsIgnoreCase("https")
                    && response.uri().getScheme().equalsIgnoreCase("https");
            return Optional.of(new Fetched(limited(body), response.uri(), secure));
        }
    }

    private static byte[] limited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            if (out.size() > MAX_BYTES) {
                throw new IOException("over " + MAX_BYTES / 1024 + " KiB: not an autoconfig file");
            }
        }
        return out.toByteArray();
    }
}
