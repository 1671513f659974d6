package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.OAuthSettings;
import java.net.URI;
import java.util.function.Consumer;

/** Signs an OAuth account in through the user's browser; the app provides it, tests give a real one. */
@FunctionalInterface
public interface SignInService {

    /**
     * Blocks for the browser round trip (call it off the FX thread); keeps the refresh token in
     * {@code keepIn} and lets the messages waiting for this sign-in go. {@code pageShown} gets the
     * sign-in page's address once it is known, so the window can show it when no browser opened.
     *
     * @throws Exception with a sentence for the user when the sign-in did not happen
     */
    void signIn(Account account, OAuthSettings settings, CredentialChoice keepIn, Consumer<URI> pageShown)
            throws Exception;
}
