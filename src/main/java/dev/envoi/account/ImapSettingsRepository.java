package dev.envoi.account;

import java.util.Optional;

/** The IMAP settings of a profile's accounts, by account name. Blocks on disk: never on the FX thread. */
public interface ImapSettingsRepository {

    Optional<ImapSettings> forAccount(String accountName);

    /** Adds or replaces the account's IMAP settings. */
    void put(String accountName, ImapSettings settings);

    /** Removes them (the account has no IMAP any more); false if there were none. */
    boolean remove(String accountName);
}
