package dev.envoi.account;

import java.util.Objects;

/**
 * How an {@link AuthMethod#OAUTH2} account signs in; kept beside the account, not in it, so the
 * account record stays what every sender needs. No secret is part of it.
 *
 * @param provider a preset name ("microsoft", "google", "yahoo", "fastmail") or "custom"
 * @param issuer   the authorization server's issuer URL, whose metadata is discovered; "" for a preset
 * @param clientId the client id registered for Envoi with the provider (a public client)
 * @param scopes   the scopes asked for, separated by spaces
 * @param clientSecret what some providers (Google) issue with a desktop client and require at the
 *                 token endpoint; by their own terms not a secret in an installed app, "" for none
 */
public record OAuthSettings(String account, String provider, String issuer, String clientId, String scopes,
                            String clientSecret) {

    /** Settings of a public client with no client secret at all (Microsoft, most issuers). */
    public OAuthSettings(String account, String provider, String issuer, String clientId, String scopes) {
        this(account, provider, issuer, clientId, scopes, "");
    }

    public OAuthSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(provider, "provider");
        issuer = issuer == null ? "" : issuer.strip();
        clientId = clientId == null ? "" : clientId.strip();
        scopes = scopes == null ? "" : scopes.strip();
        clientSecret = clientSecret == null ? "" : clientSecret.strip();
    }
}
