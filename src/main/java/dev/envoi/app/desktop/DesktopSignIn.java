package dev.envoi.app.desktop;

import dev.envoi.account.Account;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.OAuthSettings;
import dev.envoi.app.wiring.BrowserLauncher;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.oauth.AccountSignIn;
import dev.envoi.oauth.AuthorizationCodeFlow;
import dev.envoi.oauth.IssuedTokens;
import dev.envoi.settings.SignInService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * The accounts window's Sign in: the same sign-in as `envoi account login`, the page opened in
 * the browser; the access token stays in this process's keeper, and the messages waiting for the
 * sign-in become due at once (this process's spooler, or the one running elsewhere, takes them).
 */
final class DesktopSignIn implements SignInService {

    private final ProfileServices services;
    private final Map<String, String> environment;

    DesktopSignIn(ProfileServices services, Map<String, String> environment) {
        this.services = services;
        this.environment = environment;
    }

    @Override
    public void signIn(Account account, OAuthSettings settings, CredentialChoice keepIn,
                       java.util.function.Consumer<java.net.URI> pageShown) throws Exception {
        IssuedTokens issued = new AccountSignIn(Clock.systemUTC(), AuthorizationCodeFlow.STANDARD_TIMEOUT)
                .signIn(account, settings, services.credentials().storeFor(keepIn), page -> {
                    pageShown.accept(page);
                    try {
                        BrowserLauncher.open(page, environment);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        services.tokens().remember(account, issued);
        services.store().resumeSignInWaits(account.name());
    }
}
