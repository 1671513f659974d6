package dev.envoi.oauth;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import no.nav.security.mock.oauth2.OAuth2Exception;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;

/**
 * A real OAuth 2.0 / OpenID Connect authorization server (navikt's mock-oauth2-server) on a free
 * loopback port: discovery, authorization code with PKCE, refresh, tokens that live
 * {@code lifetimeSeconds}. It can go down and come back on the same port with the same keys.
 */
public final class AuthorizationServer implements AutoCloseable {

    public static final String ISSUER_ID = "envoi-test";
    public static final String SCOPES = "openid offline_access smtp";

    private final KeyProvider keys = new KeyProvider();
    private final long lifetimeSeconds;
    private MockOAuth2Server server;
    private final Unplug plug;

    public AuthorizationServer(long lifetimeSeconds) {
        this.lifetimeSeconds = lifetimeSeconds;
        start(0);
        try {
            plug = new Unplug(server.baseUrl().port());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void start(int atPort) {
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys),
                Set.of(new Grants()));
        server = new MockOAuth2Server(config);
        server.start(InetAddress.getLoopbackAddress(), atPort);
    }

    /** Its issuer as Envoi reaches it: through the plug (the server names itself by the Host it was asked for). */
    public String issuer() {
        return "http://127.0.0.1:" + plug.port() + "/" + ISSUER_ID;
    }

    public String jwks() {
        return server.jwksUrl(ISSUER_ID).toString();
    }

    public MockOAuth2Server server() {
        return server;
    }

    /** Down: every connection to it is reset, as when its machine cannot be reached. */
    public void stop() {
        plug.unplug();
    }

    /** Reachable again, signing with the same keys. */
    public void restart() {
        plug.plugIn();
    }

    /**
     * Every refresh is answered invalid_grant, as by a server that revoked the grant (a password
     * change, an admin), until the user signs in anew (an authorization code is traded).
     */
    public void revokeGrants() {
        revoked = true;
    }

    /** How many refresh grants were answered with tokens. */
    public int refreshes() {
        return refreshes.get();
    }

    private volatile boolean revoked;
    private final java.util.concurrent.atomic.AtomicInteger refreshes = new java.util.concurrent.atomic.AtomicInteger();

    /** The server's token callback: the standard claims, short-lived, and revocation on cue. */
    private final class Grants implements OAuth2TokenCallback {
        private final DefaultOAuth2TokenCallback standard = new DefaultOAuth2TokenCallback(ISSUER_ID, "someone", "JWT",
                List.of("smtp"), Map.of(), lifetimeSeconds);

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            boolean refresh = request.getAuthorizationGrant() instanceof RefreshTokenGrant;
            if (refresh && revoked) {
                throw new OAuth2Exception(OAuth2Error.INVALID_GRANT.setDescription("the grant was revoked"),
                        "the grant was revoked");
            }
            if (!refresh) {
                revoked = false;
            }
            return standard.subject(request);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return standard.typeHeader(request);
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return standard.audience(request);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            if (request.getAuthorizationGrant() instanceof RefreshTokenGrant) {
                // Asked once per access token (the id token takes no extra claims from here).
                refreshes.incrementAndGet();
            }
            return standard.addClaims(request);
        }

        @Override
        public long tokenExpiry() {
            return lifetimeSeconds;
        }
    }

    @Override
    public void close() {
        try {
            plug.close();
        } catch (java.io.IOException ignored) {
            // Closed already.
        }
        server.shutdown();
    }
}
