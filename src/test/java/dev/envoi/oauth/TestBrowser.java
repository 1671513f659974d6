package dev.envoi.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A "browser": follows the authorization URL's redirects to wherever they lead, Envoi's listener included. */
public final class TestBrowser {

    private final HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient stopping = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The page at the end of the redirects. */
    public HttpResponse<String> visit(URI page) throws IOException, InterruptedException {
        return following.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where the authorization server sends the browser back (its Location), without going there. */
    public URI redirectOf(URI page) throws IOException, InterruptedException {
        HttpResponse<String> response = stopping.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        return URI.create(response.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect: " + response.statusCode() + " " + response.body())));
    }
}
