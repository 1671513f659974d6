package dev.envoi.setup;

import dev.envoi.account.AuthMethod;
import java.util.Locale;
import java.util.Objects;

/**
 * How the account signs in: a password, OAuth2 with a named provider (its id, such as
 * {@code google} or {@code microsoft}, is what the OAuth sign-in looks its endpoints up by), or nothing.
 */
public record SignIn(AuthMethod method, String oauthProvider) {

    public static final SignIn PASSWORD = new SignIn(AuthMethod.PASSWORD, "");
    public static final SignIn NONE = new SignIn(AuthMethod.NONE, "");

    public SignIn {
        Objects.requireNonNull(method, "method");
        oauthProvider = oauthProvider == null ? "" : oauthProvider;
    }

    public static SignIn oauth(String provider) {
        return new SignIn(AuthMethod.OAUTH2, provider);
    }

    public boolean sendsSecret() {
        return method != AuthMethod.NONE;
    }

    /** "password", "oauth2" or "none", as `--json` writes it. */
    public String id() {
        return method == AuthMethod.OAUTH2 ? "oauth2" : method.name().toLowerCase(Locale.ROOT);
    }
}
