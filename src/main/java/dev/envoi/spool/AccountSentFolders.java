package dev.envoi.spool;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.ImapSettingsRepository;
import dev.envoi.account.SecretLookup;
import dev.envoi.i18n.Sentences;
import dev.envoi.transport.ImapSentCopy;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.TransferException;
import java.util.Optional;

/**
 * The Sent folders of the profile's accounts, as {@link SentCopier} files copies in them: the
 * account and its IMAP settings are read afresh for each copy (the user may have changed them
 * since the message went), with the account's own login and certificate pin. An OAuth 2.0 account
 * logs in with an access token from the profile's {@link AccessTokens}, never its stored refresh token.
 */
public final class AccountSentFolders implements SentCopier.Target {

    private static final Sentences WORDS = Sentences.of(AccountSentFolders.class);

    private final AccountRepository accounts;
    private final ImapSettingsRepository imap;
    private final SecretLookup secrets;
    private final AccessTokens tokens;
    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;

    /** For profiles whose accounts log in with passwords only: an OAuth 2.0 account's copy says no token is known. */
    public AccountSentFolders(AccountRepository accounts, ImapSettingsRepository imap, SecretLookup secrets,
                              SmtpTimeouts timeouts, ServerTrust trust) {
        this(accounts, imap, secrets, null, timeouts, trust);
    }

    public AccountSentFolders(AccountRepository accounts, ImapSettingsRepository imap, SecretLookup secrets,
                              AccessTokens tokens, SmtpTimeouts timeouts, ServerTrust trust) {
        this.accounts = accounts;
        this.imap = imap;
        this.secrets = secrets;
        this.tokens = tokens;
        this.timeouts = timeouts;
        this.trust = trust;
    }

    @Override
    public String copy(String accountName, OutgoingMessage message) throws TransferException {
        Account account = accounts.find(accountName)
                .orElseThrow(() -> new PermanentFailureException(WORDS.get("copy.accountGone", accountName)));
        Optional<ImapSettings> settings = imap.forAccount(accountName);
        if (settings.isEmpty() || !settings.get().keepCopy()) {
            throw new PermanentFailureException(WORDS.get("copy.settingOff", accountName));
        }
        return new ImapSentCopy(account, settings.get(), secrets, tokens, timeouts, trust).copy(message).folder();
    }
}
