package dev.envoi.app.cli;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.message.MailAddress;
import java.util.Optional;

/** Who a message is from when --from does not say: the account's identity, else the local user. */
public final class Identities {

    private Identities() {
    }

    public static MailAddress sender(ComposeRequest request, AccountRepository accounts, Terminal terminal)
            throws UsageException {
        if (request.account().isPresent()) {
            Account account = accounts.find(request.account().get()).orElseThrow(() -> new UsageException(
                    "--account: no account is named \"" + Printable.of(request.account().get()) + "\" (envoi account list)"));
            MailAddress from = request.from().orElse(account.identity());
            if (!from.address().equalsIgnoreCase(account.identity().address())) {
                // The account sends as its own address: another would be a false sender.
                throw new UsageException("--from " + Printable.of(from.address()) + " is not the address of account "
                        + account.name() + " (" + account.identity().address() + "); leave out --from, or use the "
                        + "account of that address");
            }
            return from;
        }
        if (request.from().isPresent()) {
            return request.from().get();
        }
        Optional<Account> fallback = accounts.defaultAccount();
        return fallback.map(Account::identity).orElseGet(() -> localUser(terminal));
    }

    /**
     * The account a message is submitted with, and so sent through: the one named by --account,
     * else the one of the sender's address, else the default one; none in a profile without
     * accounts (the pickup folder).
     */
    public static Optional<String> account(ComposeRequest request, MailAddress from, AccountRepository accounts) {
        if (request.account().isPresent()) {
            return request.account();
        }
        return accounts.forAddress(from.address()).or(accounts::defaultAccount).map(Account::name);
    }

    /** user@localhost, which a pickup folder's reader can map to the real user. */
    public static MailAddress localUser(Terminal terminal) {
        String user = terminal.env().getOrDefault("USER", terminal.env().getOrDefault("USERNAME", "envoi"));
        try {
            return MailAddress.of(user + "@localhost");
        } catch (IllegalArgumentException e) {
            return MailAddress.of("envoi@localhost");
        }
    }
}
