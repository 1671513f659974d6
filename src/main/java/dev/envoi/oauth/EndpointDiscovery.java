package dev.envoi.oauth;

import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.net.URI;

/**
 * An issuer's endpoints read from its metadata: OpenID Connect discovery first
 * ({@code /.well-known/openid-configuration}), else RFC 8414 ({@code /.well-known/oauth-authorization-server}).
 * Nimbus fetches, parses, and checks that the document names the issuer asked for.
 */
public final class EndpointDiscovery {

    private static final Sentences WORDS = Sentences.of(EndpointDiscovery.class);
    private static final int TIMEOUT_MILLIS = 15_000;

    private EndpointDiscovery() {
    }

    public static ServerEndpoints discover(String issuerUrl) throws SignInException {
        Issuer issuer = new Issuer(issuerUrl);
        URI authorization;
        URI token;
        try {
            OIDCProviderMetadata oidc = OIDCProviderMetadata.resolve(issuer, TIMEOUT_MILLIS, TIMEOUT_MILLIS);
            authorization = oidc.getAuthorizationEndpointURI();
            token = oidc.getTokenEndpointURI();
        } catch (GeneralException | IOException notOidc) {
            try {
                AuthorizationServerMetadata oauth = AuthorizationServerMetadata.resolve(issuer, TIMEOUT_MILLIS,
                        TIMEOUT_MILLIS);
                authorization = oauth.getAuthorizationEndpointURI();
                token = oauth.getTokenEndpointURI();
            } catch (GeneralException | IOException e) {
                e.addSuppressed(notOidc);
                throw new SignInException(WORDS.get("discovery.failed", Texts.safe(issuerUrl),
                        Texts.safe(String.valueOf(e.getMessage()))), e, e instanceof IOException);
            }
        }
        if (authorization == null || token == null) {
            throw new SignInException(WORDS.get("discovery.noEndpoints", Texts.safe(issuerUrl)), null, false);
        }
        return new ServerEndpoints(authorization, token);
    }
}
