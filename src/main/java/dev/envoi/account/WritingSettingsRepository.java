package dev.envoi.account;

/** The accounts' signatures and plain-text defaults, by account name. Blocks on disk: never on the FX thread. */
public interface WritingSettingsRepository {

    /** The account's settings; {@link WritingSettings#DEFAULT} when it has none. */
    WritingSettings forAccount(String accountName);

    /** Adds or replaces the account's settings. */
    void put(String accountName, WritingSettings settings);

    /** Removes them; false if there were none. */
    boolean remove(String accountName);
}
