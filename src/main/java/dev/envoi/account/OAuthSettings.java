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
 */
public record OAuthSettings(String account, String provider, String issuer, String clientId, String scopes) {

    public OAuthSettings {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(provider, "provider");
        issuer = issuer == null ? "" : issuer.strip();
        clientId = clientId == null ? "" : clientId.strip();
        scopes = scopes == null ? "" : scopes.strip();
    }
}
