package dev.envoi.app.desktop;

import dev.envoi.account.Account;
import dev.envoi.account.SharedAddresses;
import dev.envoi.compose.Sender;
import dev.envoi.message.MailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The From list of the compose windows: one choice per account (the default first), its name shown
 * when another account has the same address; a --from of no account goes through the default.
 */
final class FromChoices {

    private FromChoices() {
    }

    static List<Sender> of(List<Account> accounts, Optional<MailAddress> requested, MailAddress localUser) {
        List<Sender> choices = new ArrayList<>();
        accounts.stream().sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()))
                .map(a -> new Sender(a.identity(), Optional.of(a.name()), SharedAddresses.isShared(accounts, a)))
                .forEach(choices::add);
        requested.ifPresent(from -> {
            if (choices.stream().noneMatch(s -> s.identity().equals(from))) {
                // Sent as it was asked, through the account of that address or the default one.
                choices.add(0, new Sender(from, accountFor(accounts, from), false));
            } else {
                choices.sort((a, b) -> Boolean.compare(b.identity().equals(from), a.identity().equals(from)));
            }
        });
        if (choices.isEmpty()) {
            choices.add(Sender.of(localUser));
        }
        return choices;
    }

    private static Optional<String> accountFor(List<Account> accounts, MailAddress from) {
        return accounts.stream().filter(a -> a.identity().address().equalsIgnoreCase(from.address())).findFirst()
                .or(() -> accounts.stream().filter(Account::isDefault).findFirst())
                .or(() -> accounts.size() == 1 ? Optional.of(accounts.get(0)) : Optional.empty())
                .map(Account::name);
    }
}
