package dev.envoi.oauth;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.CredentialException;
import dev.envoi.account.CredentialStore;
import dev.envoi.account.OAuthSettings;
import dev.envoi.account.OAuthSettingsRepository;
import dev.envoi.account.SignInNeededException;
import dev.envoi.i18n.Sentences;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The access tokens of signed-in accounts, in this process's memory only. A token is renewed with
 * the account's refresh token (kept where its password would be) a little before it expires; a
 * refresh token the server replaces is stored back where the old one was.
 */
public final class TokenKeeper implements AccessTokens {

    private static final Sentences WORDS = Sentences.of(TokenKeeper.class);
    private static final Duration MOST_EARLY = Duration.ofSeconds(60);

    private final OAuthSettingsRepository settings;
    private final CredentialChain credentials;
    private final Clock clock;
    private final Map<String, Kept> kept = new HashMap<>();
    private final Map<OAuthSettings, SignInConfig> configs = new HashMap<>();

    private record Kept(Account account, String token, Instant renewAt) {
    }

    public TokenKeeper(OAuthSettingsRepository settings, CredentialChain credentials, Clock clock) {
        this.settings = settings;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public synchronized char[] accessToken(Account account) throws CredentialException {
        Kept current = kept.get(account.name());
        if (current != null && current.account().equals(account) && clock.instant().isBefore(current.renewAt())) {
            return current.token().toCharArray();
        }
        kept.remove(account.name());
        char[] refresh = credentials.secretFor(account).orElseThrow(() -> new SignInNeededException(
                WORDS.get("refresh.none", account.name())));
        try {
            String refreshToken = new String(refresh);
            IssuedTokens issued = new TokenEndpoint(config(account), clock)
                    .request(new RefreshTokenGrant(new RefreshToken(refreshToken)));
            if (issued.refreshToken() != null && !issued.refreshToken().equals(refreshToken)) {
                keepRotated(account, issued.refreshToken());
            }
            remember(account, issued);
            return issued.accessToken().toCharArray();
        } catch (SignInException e) {
            if (e.isTransient()) {
                throw new CredentialException(WORDS.get("refresh.later", account.name(), e.getMessage()), e);
            }
            if (e instanceof GrantRevokedException) {
                // A dead refresh token is forgotten, so every view says "not signed in" until the user is.
                Optional<CredentialStore> holder = credentials.holding(account);
                if (holder.isPresent()) {
                    holder.get().delete(account);
                }
            }
            // Revoked, expired, or refused for good: waiting will not help, the user signing in will.
            throw new SignInNeededException(WORDS.get("refresh.signInAgain", account.name(), e.getMessage()));
        } finally {
            Arrays.fill(refresh, '\0');
        }
    }

    /** Keeps the access token a sign-in just got, so the first message after it needs no refresh. */
    public synchronized void remember(Account account, IssuedTokens issued) {
        Duration lifetime = Duration.between(clock.instant(), issued.expiresAt());
        Duration early = lifetime.dividedBy(4).compareTo(MOST_EARLY) < 0 ? lifetime.dividedBy(4) : MOST_EARLY;
        kept.put(account.name(), new Kept(account, issued.accessToken(), issued.expiresAt().minus(early)));
    }

    @Override
    public synchronized void forget(Account account) {
        kept.remove(account.name());
    }

    private SignInConfig config(Account account) throws SignInException {
        OAuthSettings oauth = settings.find(account.name()).orElseThrow(() -> new SignInException(
                WORDS.get("settings.none", account.name()), null, false));
        SignInConfig config = configs.get(oauth);
        if (config == null) {
            config = SignInConfig.of(oauth);
            configs.put(oauth, config);
        }
        return config;
    }

    private void keepRotated(Account account, String refreshToken) throws CredentialException {
        Optional<CredentialStore> store = credentials.holding(account);
        char[] secret = refreshToken.toCharArray();
        try {
            (store.isPresent() ? store.get() : credentials.session()).store(account, secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
