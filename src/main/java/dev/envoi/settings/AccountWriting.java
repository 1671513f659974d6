package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.WritingSettings;
import dev.envoi.account.WritingSettingsRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and saves the accounts' signatures for the accounts window; blocks on disk. */
final class AccountWriting {

    private AccountWriting() {
    }

    /** Every account's settings; none when the window keeps none ({@code repository} null). */
    static Map<String, WritingSettings> read(WritingSettingsRepository repository, List<Account> accounts) {
        Map<String, WritingSettings> read = new HashMap<>();
        if (repository != null) {
            accounts.forEach(a -> read.put(a.name(), repository.forAccount(a.name())));
        }
        return read;
    }

    /** Keeps the settings typed for {@code account}; a renamed account's old name keeps none. */
    static void save(WritingSettingsRepository repository, Account account, Account replaced, WritingSettings typed) {
        if (repository == null) {
            return;
        }
        if (replaced != null && !replaced.name().equals(account.name())) {
            repository.remove(replaced.name());
        }
        if (typed.equals(WritingSettings.DEFAULT)) {
            repository.remove(account.name());
        } else {
            repository.put(account.name(), typed);
        }
    }
}
