package dev.envoi.settings;

import dev.envoi.account.AccountRepository;
import dev.envoi.account.CredentialChain;
import java.util.concurrent.Executor;

/**
 * What the accounts window uses: the profile's accounts and credentials, the tester of a server,
 * the executors, and whom to tell that the accounts changed (the compose windows' From lists).
 */
public record AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                              Executor background, Executor ui, Runnable accountsChanged, SignInContext signIn) {

    /** A window without OAuth 2.0 sign-in ({@code signIn} null hides its part). */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged) {
        this(accounts, credentials, tester, background, ui, accountsChanged, null);
    }
}
