package dev.envoi.settings;

import dev.envoi.account.AccountRepository;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.ImapSettingsRepository;
import dev.envoi.account.WritingSettingsRepository;
import dev.envoi.setup.Finding;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * What the accounts window uses: the profile's accounts and credentials, the tester of a server,
 * the executors, whom to tell that the accounts changed (the compose windows' From lists), and
 * what finds an address's servers (Continue), and the accounts' IMAP settings (null hides the IMAP
 * part, as a null {@code signIn} hides the sign-in part).
 */
public record AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                              Executor background, Executor ui, Runnable accountsChanged, ServerFinder finder,
                              SignInContext signIn, ImapSettingsRepository imap, WritingSettingsRepository writing) {

    /** Without the signature part (null {@code writing}: the signature and plain-text fields are hidden). */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged, ServerFinder finder,
                           SignInContext signIn, ImapSettingsRepository imap) {
        this(accounts, credentials, tester, background, ui, accountsChanged, finder, signIn, imap, null);
    }

    /** Without the IMAP part. */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged, ServerFinder finder,
                           SignInContext signIn) {
        this(accounts, credentials, tester, background, ui, accountsChanged, finder, signIn, null);
    }

    private static final ServerFinder NO_FINDER = address -> new Finding(Optional.empty(), List.of());

    /** Without a finder or a sign-in: Continue finds nothing, no sign-in part (tests of the rest of the window). */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged) {
        this(accounts, credentials, tester, background, ui, accountsChanged, NO_FINDER, null);
    }

    /** Continue finds with {@code finder}; no sign-in part. */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged, ServerFinder finder) {
        this(accounts, credentials, tester, background, ui, accountsChanged, finder, null);
    }

    /** With a sign-in part ({@code signIn} null hides it); Continue finds nothing. */
    public AccountsContext(AccountRepository accounts, CredentialChain credentials, ConnectionTester tester,
                           Executor background, Executor ui, Runnable accountsChanged, SignInContext signIn) {
        this(accounts, credentials, tester, background, ui, accountsChanged, NO_FINDER, signIn);
    }
}
