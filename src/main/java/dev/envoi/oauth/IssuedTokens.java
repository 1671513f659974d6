package dev.envoi.oauth;

import java.time.Instant;

/**
 * What a token endpoint answered. {@link #toString()} names no token, so a stray log line or
 * exception message cannot carry one.
 *
 * @param refreshToken null when the server kept the old one (no rotation)
 */
public record IssuedTokens(String accessToken, Instant expiresAt, String refreshToken) {

    @Override
    public String toString() {
        return "IssuedTokens[expiresAt=" + expiresAt + ", refreshToken=" + (refreshToken == null ? "none" : "new") + "]";
    }
}
