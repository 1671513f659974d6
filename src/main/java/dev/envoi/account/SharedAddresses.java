package dev.envoi.account;

import java.util.List;
import java.util.Locale;

/**
 * Accounts that send as the same address (one address through a work relay and a provider, say):
 * allowed, but the user is told, and wherever an account is chosen its name is shown beside it.
 */
public final class SharedAddresses {

    private SharedAddresses() {
    }

    /** The names of the accounts, other than {@code name}, whose address is {@code address}. */
    public static List<String> othersWith(List<Account> accounts, String name, String address) {
        String wanted = address.toLowerCase(Locale.ROOT);
        return accounts.stream().filter(a -> !a.name().equals(name))
                .filter(a -> a.identity().address().toLowerCase(Locale.ROOT).equals(wanted))
                .map(Account::name).toList();
    }

    /** True when another account sends as the same address as this one. */
    public static boolean isShared(List<Account> accounts, Account account) {
        return !othersWith(accounts, account.name(), account.identity().address()).isEmpty();
    }
}
