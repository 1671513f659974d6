package dev.envoi.settings;

import dev.envoi.account.OAuthSettingsRepository;

/** What the Sign in part of the accounts window uses: the stored sign-in settings and the sign-in itself. */
public record SignInContext(OAuthSettingsRepository settings, SignInService service) {
}
