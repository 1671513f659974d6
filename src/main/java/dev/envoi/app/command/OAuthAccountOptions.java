package dev.envoi.app.command;

import dev.envoi.account.OAuthSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.UsageException;
import dev.envoi.oauth.OAuthProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The --oauth-* options of `envoi account add --auth oauth2`: the provider preset (its SMTP server
 * fills in --host, --port and --security when they are not given) or an issuer whose metadata
 * Envoi reads, the client id, the scopes.
 */
final class OAuthAccountOptions {

    static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("oauth-provider", ParsedArgs.Arity.VALUE,
            "oauth-issuer", ParsedArgs.Arity.VALUE, "oauth-client-id", ParsedArgs.Arity.VALUE,
            "oauth-scope", ParsedArgs.Arity.VALUE, "oauth-client-secret", ParsedArgs.Arity.VALUE);

    private final OAuthProvider provider;
    private final String issuer;
    private final String clientId;
    private final String scopes;
    private final String clientSecret;

    private OAuthAccountOptions(OAuthProvider provider, String issuer, String clientId, String scopes,
                                String clientSecret) {
        this.provider = provider;
        this.issuer = issuer;
        this.clientId = clientId;
        this.scopes = scopes;
        this.clientSecret = clientSecret;
    }

    /** Empty when the account does not sign in with OAuth 2.0 (then no --oauth-* option may be given). */
    static Optional<OAuthAccountOptions> read(ParsedArgs parsed, boolean oauth) throws UsageException {
        if (!oauth) {
            for (String option : List.copyOf(OPTIONS.keySet())) {
                if (parsed.has(option)) {
                    throw new UsageException("--" + option + " goes with --auth oauth2");
                }
            }
            return Optional.empty();
        }
        if (parsed.has("password-store")) {
            throw new UsageException("--password-store goes with envoi account login for --auth oauth2: the sign-in "
                    + "brings the secret Envoi keeps");
        }
        String issuer = parsed.value("oauth-issuer").map(String::strip).orElse("");
        if (!issuer.isEmpty()) {
            checkIssuer(issuer);
        }
        String providerName = parsed.value("oauth-provider").orElse(issuer.isEmpty() ? "" : "custom");
        if (providerName.isBlank()) {
            throw new UsageException("--auth oauth2 needs --oauth-provider (microsoft, google, yahoo, fastmail) or "
                    + "--oauth-issuer URL");
        }
        OAuthProvider provider = OAuthProvider.byId(providerName).orElseThrow(() -> new UsageException(
                "--oauth-provider: \"" + Printable.of(providerName) + "\" is not microsoft, google, yahoo, fastmail "
                        + "or custom"));
        if (provider == OAuthProvider.CUSTOM && issuer.isEmpty()) {
            throw new UsageException("--oauth-provider custom needs --oauth-issuer URL (its metadata gives the endpoints)");
        }
        String scopes = parsed.value("oauth-scope").map(String::strip).orElse("");
        if (provider == OAuthProvider.CUSTOM && scopes.isEmpty()) {
            throw new UsageException("--oauth-issuer needs --oauth-scope: the scopes that let Envoi send mail there");
        }
        String clientId = clientId(parsed, provider);
        // Google issues desktop clients a "secret" it documents as not confidential; it is no user's password.
        String clientSecret = parsed.value("oauth-client-secret").map(String::strip).orElse("");
        return Optional.of(new OAuthAccountOptions(provider, issuer, clientId, scopes, clientSecret));
    }

    /** For a provider `--auto` found: its preset, and the client id given or carried by this build. */
    static OAuthAccountOptions forProvider(String providerId, ParsedArgs parsed) throws UsageException {
        OAuthProvider provider = OAuthProvider.byId(providerId).filter(p -> p != OAuthProvider.CUSTOM)
                .orElseThrow(() -> new UsageException("the servers found sign in with OAuth 2.0"
                        + (providerId.isEmpty() ? "" : " through " + Printable.of(providerId))
                        + ", a provider Envoi has no preset for; give --auth oauth2 --oauth-issuer URL and the servers "
                        + "yourself instead of --auto"));
        return new OAuthAccountOptions(provider, "", clientId(parsed, provider), "",
                parsed.value("oauth-client-secret").map(String::strip).orElse(""));
    }

    private static String clientId(ParsedArgs parsed, OAuthProvider provider) throws UsageException {
        String clientId = parsed.value("oauth-client-id").map(String::strip).orElse("");
        if (clientId.isEmpty() && provider.packagedClientId().isEmpty()) {
            throw new UsageException("--oauth-client-id: this copy of Envoi carries no client id for " + provider.id()
                    + "; register Envoi with the provider as docs/accounts.md says and give its id");
        }
        return clientId;
    }

    private static void checkIssuer(String issuer) throws UsageException {
        try {
            URI uri = new URI(issuer);
            boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost());
            // RFC 8414 3: an issuer is an https URL; plain http only for a server on this machine.
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && loopback)) {
                throw new UsageException("--oauth-issuer: \"" + Printable.of(issuer) + "\" is not an https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("--oauth-issuer: \"" + Printable.of(issuer) + "\" is not a URL");
        }
    }

    Optional<String> host() {
        return provider.smtpHost();
    }

    Optional<SmtpSecurity> security() {
        return Optional.ofNullable(provider.smtpSecurity());
    }

    Optional<Integer> port() {
        return provider.smtpPort() > 0 ? Optional.of(provider.smtpPort()) : Optional.empty();
    }

    OAuthSettings settingsFor(String accountName) {
        return new OAuthSettings(accountName, provider.id(), issuer, clientId, scopes, clientSecret);
    }
}
