package dev.envoi.oauth;

import com.nimbusds.oauth2.sdk.Scope;
import dev.envoi.account.OAuthSettings;
import dev.envoi.i18n.Sentences;
import java.util.Optional;

/**
 * Everything a sign-in needs to talk to the server: endpoints, the client's id (and the
 * non-confidential secret some providers give a desktop client, or ""), the scopes.
 */
public record SignInConfig(ServerEndpoints endpoints, String clientId, String scopes, String clientSecret) {

    private static final Sentences WORDS = Sentences.of(SignInConfig.class);

    Scope scope() {
        return Scope.parse(scopes);
    }

    /**
     * The configuration of an account's settings: a preset's endpoints, or the issuer's discovered
     * ones; the client id given, else the one the installer carries for the preset.
     */
    public static SignInConfig of(OAuthSettings settings) throws SignInException {
        OAuthProvider provider = OAuthProvider.byId(settings.provider()).orElse(OAuthProvider.CUSTOM);
        ServerEndpoints endpoints = settings.issuer().isEmpty() ? provider.endpoints().orElse(null)
                : EndpointDiscovery.discover(settings.issuer());
        if (endpoints == null) {
            throw new SignInException(WORDS.get("config.noIssuer", settings.account()), null, false);
        }
        Optional<String> clientId = settings.clientId().isEmpty() ? provider.packagedClientId()
                : Optional.of(settings.clientId());
        if (clientId.isEmpty()) {
            throw new SignInException(WORDS.get("config.noClientId", settings.account(), provider.id()), null, false);
        }
        String scopes = settings.scopes().isEmpty() ? provider.scopes() : settings.scopes();
        String secret = !settings.clientSecret().isEmpty() ? settings.clientSecret()
                : settings.clientId().isEmpty() ? provider.packagedClientSecret().orElse("") : "";
        return new SignInConfig(endpoints, clientId.get(), scopes, secret);
    }
}
