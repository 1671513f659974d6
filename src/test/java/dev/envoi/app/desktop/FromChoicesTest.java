package dev.envoi.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.account.Account;
import dev.envoi.account.Accounts;
import dev.envoi.compose.Sender;
import dev.envoi.message.MailAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The compose From list: the account's name shown exactly where two accounts share an address. */
class FromChoicesTest {

    private static final MailAddress LOCAL = MailAddress.of("tester@localhost");

    private static Account sameAddressAs(Account account, String name) {
        return new Account(name, account.identity(), "127.0.0.1", 2600, account.security(), "", account.auth(), 0,
                true, false, false, "", false);
    }

    @Test
    void accountsThatShareAnAddressShowTheirNamesAndOthersDoNot() {
        Account relay = Accounts.loopback("relay", 2525).withDefault(true);
        Account provider = sameAddressAs(relay, "provider");
        Account home = Accounts.loopback("home", 2526);

        List<String> shown = FromChoices.of(List.of(home, provider, relay), Optional.empty(), LOCAL).stream()
                .map(Sender::toString).toList();

        assertEquals(List.of("Émile Envoi <relay@example.org> (relay)", "Émile Envoi <home@example.org>",
                "Émile Envoi <relay@example.org> (provider)"), shown, "the default first, names where addresses repeat");
    }

    @Test
    void aRequestedSenderOfNoAccountGoesThroughTheDefaultAndNoAccountMeansTheLocalUser() {
        Account relay = Accounts.loopback("relay", 2525).withDefault(true);
        MailAddress stranger = MailAddress.of("stranger@example.org");

        Sender first = FromChoices.of(List.of(relay), Optional.of(stranger), LOCAL).get(0);

        assertEquals(new Sender(stranger, Optional.of("relay"), false), first);
        assertEquals(List.of(Sender.of(LOCAL)), FromChoices.of(List.of(), Optional.empty(), LOCAL));
    }
}
