package dev.envoi.spool;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.i18n.Sentences;
import dev.envoi.message.MailAddress;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.Transport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Routes by the profile's accounts, read afresh for each message (another process may have
 * changed them): the account the message was submitted with, and no other; for a message without
 * one (queued before accounts were recorded), the account whose identity sends it, else the
 * default account, else, in a profile with no account at all, the pickup folder. A transport is kept per account while the
 * account's settings stay the same, so its connection is reused; changed settings get a new one.
 */
public final class AccountRouter implements TransportRouter {

    private static final Sentences WORDS = Sentences.of(AccountRouter.class);

    private final AccountRepository accounts;
    private final Function<Account, Transport> transports;
    private final Supplier<Transport> noAccount;
    private final Map<String, Kept> kept = new HashMap<>();
    private Transport fallback;

    private record Kept(Account account, Transport transport) {
    }

    public AccountRouter(AccountRepository accounts, Function<Account, Transport> transports,
                         Supplier<Transport> noAccount) {
        this.accounts = accounts;
        this.transports = transports;
        this.noAccount = noAccount;
    }

    @Override
    public synchronized Route routeFor(MailAddress sender) throws PermanentFailureException {
        List<Account> all = accounts.accounts();
        if (all.isEmpty()) {
            if (fallback == null) {
                fallback = noAccount.get();
            }
            return new Route(fallback, true);
        }
        Optional<Account> account = accounts.forAddress(sender.address()).or(accounts::defaultAccount);
        if (account.isEmpty()) {
            throw new PermanentFailureException(WORDS.get("route.noAccount", sender.address()));
        }
        return new Route(transportFor(account.get()), account.get().keepInSent(), account.get().name());
    }

    @Override
    public synchronized Route routeFor(MailAddress sender, Optional<String> chosen)
            throws PermanentFailureException, AccountUnavailableException {
        if (chosen.isEmpty()) {
            return routeFor(sender);
        }
        Optional<Account> account = accounts.find(chosen.get());
        if (account.isEmpty()) {
            throw new AccountUnavailableException(WORDS.get("route.accountRemoved", chosen.get()));
        }
        // Edited to send as another address, the account would put a false sender on the message.
        if (!account.get().identity().address().equalsIgnoreCase(sender.address())) {
            throw new AccountUnavailableException(WORDS.get("route.accountChanged", chosen.get(),
                    account.get().identity().address(), sender.address()));
        }
        return new Route(transportFor(account.get()), account.get().keepInSent(), account.get().name());
    }

    private Transport transportFor(Account account) {
        Kept current = kept.get(account.name());
        if (current != null && current.account().equals(account)) {
            return current.transport();
        }
        if (current != null) {
            current.transport().close();
        }
        Transport transport = transports.apply(account);
        kept.put(account.name(), new Kept(account, transport));
        return transport;
    }

    @Override
    public synchronized void close() {
        kept.values().forEach(k -> k.transport().close());
        kept.clear();
        if (fallback != null) {
            fallback.close();
        }
    }
}
