package dev.envoi.oauth;

import dev.envoi.account.Account;
import dev.envoi.account.CredentialException;
import dev.envoi.account.CredentialStore;
import dev.envoi.account.OAuthSettings;
import dev.envoi.i18n.Sentences;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Signs an account in and keeps what lasts: the refresh token goes to the store the user chose
 * for secrets; the access token stays in the {@link TokenKeeper} of this process, if it has one.
 */
public final class AccountSignIn {

    private static final Sentences WORDS = Sentences.of(AccountSignIn.class);

    private final Clock clock;
    private final Duration timeout;

    public AccountSignIn(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * @param showPage given the sign-in page's address as soon as it is known: open it in a browser, print it
     * @return the tokens issued (the caller may give the access token to its keeper)
     */
    public IssuedTokens signIn(Account account, OAuthSettings settings, CredentialStore keepIn, Consumer<URI> showPage)
            throws SignInException, InterruptedException {
        SignInConfig config = SignInConfig.of(settings);
        IssuedTokens issued;
        try (AuthorizationCodeFlow flow = AuthorizationCodeFlow.start(config, clock)) {
            showPage.accept(flow.authorizationUri());
            issued = flow.await(timeout);
        }
        if (issued.refreshToken() == null) {
            // Without one Envoi would have to ask the user again within the hour, mid-queue.
            throw new SignInException(WORDS.get("noRefreshToken", config.scopes()), null, false);
        }
        char[] secret = issued.refreshToken().toCharArray();
        try {
            keepIn.store(account, secret);
        } catch (CredentialException e) {
            throw new SignInException(WORDS.get("notKept", e.getMessage()), e, false);
        } finally {
            Arrays.fill(secret, '\0');
        }
        return issued;
    }
}
