package dev.envoi.account;

import java.util.List;
import java.util.Optional;

/** The accounts of a profile. Blocks on disk: never call it on the FX thread. */
public interface AccountRepository {

    List<Account> accounts();

    Optional<Account> find(String name);

    /** The account marked default, or the only one. */
    Optional<Account> defaultAccount();

    /** The account whose identity has this address, if any. */
    Optional<Account> forAddress(String address);

    /** Adds or replaces the account of that name; making it default clears the others' mark. */
    void put(Account account);

    /** Removes the account; false if there was none of that name. */
    boolean remove(String name);
}
