package dev.envoi.settings;

import dev.envoi.account.AccountRepository;
import dev.envoi.account.CredentialChain;
import dev.envoi.setup.Finding;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the accounts window uses: the profile's accounts and credentials, the tester of a server,
 * the executors, whom to tell that the accounts changed (the compose windows' From lists), and
 * what finds an address's servers (Continue).
 */
public record AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                              Executor background, Executor ui, Runnable accountsChanged, ServerFinder finder) {

    /** Without a finder: Continue finds nothing (tests of the rest of the window). */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged) {
        this(accounts, credentials, tester, background, ui, accountsChanged,
                address -> new Finding(Optional.empty(), List.of()));
    }
}
