package dev.envoi.account;

/** How Envoi proves who it is to the server. */
public enum AuthMethod {
    NONE, PASSWORD,
    /** A bearer token the user obtained elsewhere and gave Envoi as the account's secret. */
    XOAUTH2,
    /**
     * Envoi signs in itself (OAuth 2.0 authorization code with PKCE); the refresh token is the
     * account's secret, access tokens live in memory only ({@link OAuthSettings} says where).
     */
    OAUTH2
}
