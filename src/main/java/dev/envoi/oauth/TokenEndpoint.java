package dev.envoi.oauth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/** One public client's requests to a token endpoint: a code for tokens, a refresh token for a new access token. */
final class TokenEndpoint {

    private static final Sentences WORDS = Sentences.of(TokenEndpoint.class);
    private static final int TIMEOUT_MILLIS = 30_000;
    /** Lifetime assumed when the server does not say (RFC 6749 makes expires_in only recommended). */
    private static final long UNSTATED_LIFETIME_SECONDS = 300;

    private final SignInConfig config;
    private final Clock clock;

    TokenEndpoint(SignInConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    IssuedTokens request(AuthorizationGrant grant) throws SignInException {
        ClientID client = new ClientID(config.clientId());
        // A public client names itself; one with a desktop "secret" (Google) sends it as its provider asks.
        TokenRequest request = config.clientSecret().isEmpty()
                ? new TokenRequest(config.endpoints().token(), client, grant, null)
                : new TokenRequest(config.endpoints().token(), new ClientSecretPost(client,
                        new Secret(config.clientSecret())), grant, null);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(TIMEOUT_MILLIS);
        http.setReadTimeout(TIMEOUT_MILLIS);
        Instant asked = clock.instant();
        TokenResponse response;
        try {
            response = TokenResponse.parse(http.send());
        } catch (IOException e) {
            throw new SignInException(WORDS.get("token.unreachable", config.endpoints().token().getHost(),
                    Texts.safe(e.getMessage())), e, true);
        } catch (ParseException e) {
            // A garbled answer (a proxy's error page, a server in trouble) may well be gone later.
            throw new SignInException(WORDS.get("token.garbled", config.endpoints().token().getHost()), e, true);
        }
        if (!response.indicatesSuccess()) {
            throw refused(response.toErrorResponse().getErrorObject());
        }
        AccessTokenResponse ok = response.toSuccessResponse();
        long lifetime = ok.getTokens().getAccessToken().getLifetime();
        RefreshToken refresh = ok.getTokens().getRefreshToken();
        return new IssuedTokens(ok.getTokens().getAccessToken().getValue(),
                asked.plusSeconds(lifetime > 0 ? lifetime : UNSTATED_LIFETIME_SECONDS),
                refresh == null ? null : refresh.getValue());
    }

    private SignInException refused(ErrorObject error) {
        String code = error == null || error.getCode() == null ? "" : error.getCode();
        String description = error == null || error.getDescription() == null ? "" : error.getDescription();
        String said = Texts.safe(description.isEmpty() ? code : code + ": " + description);
        if (OAuth2Error.INVALID_GRANT.getCode().equals(code)) {
            return new GrantRevokedException(WORDS.get("token.revoked", config.endpoints().token().getHost(), said));
        }
        // 5xx and temporarily_unavailable are the server's trouble; anything else is an answer.
        int status = error == null ? 0 : error.getHTTPStatusCode();
        boolean serverTrouble = status >= 500 || "temporarily_unavailable".equals(code) || "server_error".equals(code);
        return new SignInException(WORDS.get("token.refused", config.endpoints().token().getHost(), said), null,
                serverTrouble);
    }
}
