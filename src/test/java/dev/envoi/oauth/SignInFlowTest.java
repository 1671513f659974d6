package dev.envoi.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.OAuthSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in of a native app against a real authorization server, with a test browser. */
class SignInFlowTest {

    private final AuthorizationServer server = new AuthorizationServer(300);
    private final TestBrowser browser = new TestBrowser();
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void stop() {
        Locale.setDefault(before);
        server.close();
    }

    private SignInConfig config() throws SignInException {
        return SignInConfig.of(new OAuthSettings("work", "custom", server.issuer(), "envoi-test-client",
                AuthorizationServer.SCOPES));
    }

    @Test
    void firstSignInUsesPkceS256AndTheLoopbackAndGetsARefreshToken() throws Exception {
        try (AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(config(), Clock.systemUTC())) {
            URI page = flow.authorizationUri();
            assertEquals("127.0.0.1", flow.redirectUri().getHost());
            assertTrue(page.getQuery().contains("code_challenge_method=S256"), page.toString());
            assertTrue(page.getQuery().contains("state="), page.toString());

            HttpResponse<String> tab = browser.visit(page);
            IssuedTokens tokens = flow.await(Duration.ofSeconds(30));

            assertEquals(200, tab.statusCode());
            assertTrue(tab.body().contains("You can close this tab"), tab.body());
            assertNotNull(tokens.refreshToken());
            assertTrue(tokens.expiresAt().isAfter(java.time.Instant.now()));
            assertTrue(!tokens.toString().contains(tokens.accessToken()) && !tokens.toString().contains(tokens.refreshToken()));
        }
        // The token request proved possession of the verifier whose S256 hash went to the browser.
        List<String> bodies = new ArrayList<>();
        while (true) {
            try {
                RecordedRequest request = server.server().takeRequest(1, TimeUnit.SECONDS);
                bodies.add(request.getBody().readUtf8());
            } catch (RuntimeException none) {
                break;
            }
        }
        assertTrue(bodies.stream().anyMatch(b -> b.contains("code_verifier=") && b.contains("grant_type=authorization_code")),
                bodies.toString());
    }

    @Test
    void aDesktopClientSecretIsSentWhenTheProviderIssuedOne() throws Exception {
        SignInConfig withSecret = SignInConfig.of(new OAuthSettings("work", "custom", server.issuer(),
                "envoi-test-client", AuthorizationServer.SCOPES, "not-so-secret"));
        try (AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(withSecret, Clock.systemUTC())) {
            browser.visit(flow.authorizationUri());
            assertNotNull(flow.await(Duration.ofSeconds(30)).refreshToken());
        }
        List<String> bodies = new ArrayList<>();
        while (true) {
            try {
                bodies.add(server.server().takeRequest(1, TimeUnit.SECONDS).getBody().readUtf8());
            } catch (RuntimeException none) {
                break;
            }
        }
        assertTrue(bodies.stream().anyMatch(b -> b.contains("client_secret=not-so-secret")), bodies.toString());
    }

    @Test
    void discoveryFindsTheEndpointsOfAnIssuer() throws Exception {
        ServerEndpoints endpoints = EndpointDiscovery.discover(server.issuer());
        assertEquals(server.issuer() + "/token", endpoints.token().toString());
        assertEquals(server.issuer() + "/authorize", endpoints.authorization().toString());
    }

    @Test
    void anAnswerWithAnotherStateIsRefusedAndItsCodeNeverTraded() throws Exception {
        try (AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(config(), Clock.systemUTC())) {
            URI back = browser.redirectOf(flow.authorizationUri());
            URI forged = URI.create(back.toString().replaceAll("state=[^&]*", "state=forged"));

            HttpResponse<String> tab = browser.visit(forged);
            SignInException failure = assertThrows(SignInException.class, () -> flow.await(Duration.ofSeconds(30)));

            assertEquals(400, tab.statusCode());
            assertTrue(failure.getMessage().contains("state does not match"), failure.getMessage());
            assertTrue(tab.body().contains("state does not match"), tab.body());
        }
    }

    @Test
    void aRedirectToAPortNotEnvoisNeverSignsInAndTheWaitEndsClearly() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(config(), Clock.systemUTC())) {
            URI back = browser.redirectOf(flow.authorizationUri());
            URI elsewhere = URI.create(back.toString().replace(":" + back.getPort() + "/", ":" + other.getLocalPort() + "/"));
            assertTrue(elsewhere.getPort() != flow.redirectUri().getPort());
            // Someone else's listener got the code; Envoi's listener heard nothing and gives up.
            Thread visit = new Thread(() -> {
                try {
                    browser.visit(elsewhere);
                } catch (IOException | InterruptedException e) {
                    // The other port never answers properly; that is the point.
                }
            });
            visit.setDaemon(true);
            visit.start();

            SignInException failure = assertThrows(SignInException.class, () -> flow.await(Duration.ofSeconds(2)));
            assertTrue(failure.getMessage().startsWith("No sign-in within 2 s"), failure.getMessage());
        }
    }

    @Test
    void nobodyComingBackTimesOutWithAClearMessageAndTheListenerCloses() throws Exception {
        AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(config(), Clock.systemUTC());
        int port = flow.redirectUri().getPort();

        SignInException failure = assertThrows(SignInException.class, () -> flow.await(Duration.ofSeconds(1)));

        assertTrue(failure.getMessage().contains("Envoi stopped waiting"), failure.getMessage());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void aServerThatRevokedTheGrantSaysSoAndOneDownIsTransient() throws Exception {
        IssuedTokens first;
        try (AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(config(), Clock.systemUTC())) {
            browser.visit(flow.authorizationUri());
            first = flow.await(Duration.ofSeconds(30));
        }
        TokenEndpoint endpoint = new TokenEndpoint(config(), Clock.systemUTC());
        com.nimbusds.oauth2.sdk.RefreshTokenGrant grant = new com.nimbusds.oauth2.sdk.RefreshTokenGrant(
                new com.nimbusds.oauth2.sdk.token.RefreshToken(first.refreshToken()));
        assertNotNull(endpoint.request(grant).accessToken());

        server.revokeGrants();
        assertThrows(GrantRevokedException.class, () -> endpoint.request(grant));

        server.stop();
        SignInException down = assertThrows(SignInException.class, () -> endpoint.request(grant));
        assertTrue(down.isTransient(), down.getMessage());
    }
}
