package dev.envoi.oauth;

import dev.envoi.account.SmtpSecurity;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The providers Envoi knows: their endpoints, the scopes that allow sending mail, and their SMTP
 * server, as each provider documents them for mail clients. {@link #CUSTOM} knows nothing: its
 * endpoints come from the issuer's metadata. No client id is built in (docs/accounts.md).
 */
public enum OAuthProvider {
    MICROSOFT("https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            "https://outlook.office.com/SMTP.Send offline_access", "smtp.office365.com", 587, SmtpSecurity.STARTTLS),
    GOOGLE("https://accounts.google.com/o/oauth2/v2/auth", "https://oauth2.googleapis.com/token",
            "https://mail.google.com/", "smtp.gmail.com", 465, SmtpSecurity.TLS),
    YAHOO("https://api.login.yahoo.com/oauth2/request_auth", "https://api.login.yahoo.com/oauth2/get_token",
            "mail-w", "smtp.mail.yahoo.com", 465, SmtpSecurity.TLS),
    FASTMAIL("https://api.fastmail.com/oauth/authorize", "https://api.fastmail.com/oauth/refresh",
            "https://www.fastmail.com/dev/protocol-smtp offline_access", "smtp.fastmail.com", 465, SmtpSecurity.TLS),
    CUSTOM(null, null, "", null, 0, null);

    /** The system property an installer sets to give a preset its client id (packaging/). */
    public static final String CLIENT_ID_PROPERTY = "envoi.oauth.%s.client-id";
    /** The property for the (non-confidential) secret of a packaged desktop client, where the provider issues one. */
    public static final String CLIENT_SECRET_PROPERTY = "envoi.oauth.%s.client-secret";

    private final String authorization;
    private final String token;
    private final String scopes;
    private final String smtpHost;
    private final int smtpPort;
    private final SmtpSecurity smtpSecurity;

    OAuthProvider(String authorization, String token, String scopes, String smtpHost, int smtpPort,
                  SmtpSecurity smtpSecurity) {
        this.authorization = authorization;
        this.token = token;
        this.scopes = scopes;
        this.smtpHost = smtpHost;
        this.smtpPort = smtpPort;
        this.smtpSecurity = smtpSecurity;
    }

    /** The name used on the command line and in the database: "microsoft", ..., "custom". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OAuthProvider> byId(String id) {
        for (OAuthProvider provider : values()) {
            if (provider.id().equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /** The preset's endpoints; empty for {@link #CUSTOM}, whose endpoints are discovered. */
    public Optional<ServerEndpoints> endpoints() {
        return authorization == null ? Optional.empty()
                : Optional.of(new ServerEndpoints(URI.create(authorization), URI.create(token)));
    }

    public String scopes() {
        return scopes;
    }

    /** The provider's SMTP server, for an account added without --host; empty for {@link #CUSTOM}. */
    public Optional<String> smtpHost() {
        return Optional.ofNullable(smtpHost);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public SmtpSecurity smtpSecurity() {
        return smtpSecurity;
    }

    /** The client id the installer's builder set for this preset, if any. */
    public Optional<String> packagedClientId() {
        return packaged(CLIENT_ID_PROPERTY);
    }

    /** The desktop client secret the installer's builder set with that client id, if any. */
    public Optional<String> packagedClientSecret() {
        return packaged(CLIENT_SECRET_PROPERTY);
    }

    private Optional<String> packaged(String property) {
        String value = System.getProperty(String.format(Locale.ROOT, property, id()), "").strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
