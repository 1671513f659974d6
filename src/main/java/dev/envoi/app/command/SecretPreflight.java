package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.CredentialException;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import java.util.Optional;

/**
 * Before a command sends through an account that logs in, makes sure its password is at hand:
 * stored, in ENVOI_SMTP_PASSWORD, or typed now on the terminal (kept for this run only). Asking
 * up front means a missing password is a message to the user, not a message back in Drafts.
 */
final class SecretPreflight {

    private SecretPreflight() {
    }

    /** For the account a message is submitted with (none: the pickup folder, no secret). */
    static void ensure(Optional<String> chosen, AccountRepository accounts, CredentialChain credentials,
                       Terminal terminal) throws UsageException, CredentialException {
        Optional<Account> account = chosen.flatMap(accounts::find);
        if (account.isPresent()) {
            ensure(account.get(), credentials, terminal);
        }
    }

    static void ensure(Account account, CredentialChain credentials, Terminal terminal)
            throws UsageException, CredentialException {
        if (account.auth() == AuthMethod.NONE) {
            return;
        }
        Optional<char[]> known = credentials.secretFor(account);
        if (known.isPresent()) {
            java.util.Arrays.fill(known.get(), '\0');
            return;
        }
        if (account.auth() == AuthMethod.OAUTH2) {
            // Nothing to type: a sign-in in the browser brings the secret.
            throw new UsageException("account " + account.name() + " is not signed in: envoi account login "
                    + account.name());
        }
        String what = account.auth() == AuthMethod.XOAUTH2 ? "OAuth2 token" : "password";
        char[] typed = terminal.askSecret(what + " of " + account.user() + " for account " + account.name() + ": ")
                .orElseThrow(() -> new UsageException("account " + account.name() + " needs its " + what + ", and none "
                        + "is stored: set " + CredentialChain.PASSWORD_VARIABLE + " or run this in a terminal"));
        credentials.session().store(account, typed);
        java.util.Arrays.fill(typed, '\0');
    }
}
