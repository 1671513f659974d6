package dev.envoi.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.Accounts;
import dev.envoi.message.MailAddress;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.HandOffGate;
import dev.envoi.transport.HandOffReceipt;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.Transport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing by the profile's accounts, read from a real store. */
class AccountRouterTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private AccountRepository accounts;
    private final List<NamedTransport> made = new ArrayList<>();
    private final NamedTransport pickup = new NamedTransport("pickup");
    private AccountRouter router;

    /** A transport that only says which account it was made for, and whether it was closed. */
    private static final class NamedTransport implements Transport {
        final String name;
        boolean closed;

        NamedTransport(String name) {
            this.name = name;
        }

        @Override
        public HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) {
            throw new UnsupportedOperationException("routing tests send nothing");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
        accounts = store.accounts();
        router = new AccountRouter(accounts, account -> {
            NamedTransport transport = new NamedTransport(account.name());
            made.add(transport);
            return transport;
        }, () -> pickup);
    }

    @AfterEach
    void tearDown() {
        router.close();
        store.close();
    }

    private String route(String sender) throws PermanentFailureException {
        return ((NamedTransport) router.routeFor(MailAddress.of(sender)).transport()).name;
    }

    @Test
    void withoutAccountsEverythingGoesToThePickupFolder() throws Exception {
        assertEquals("pickup", route("anyone@localhost"));
    }

    @Test
    void theSendersAccountIsChosenElseTheDefault() throws Exception {
        accounts.put(Accounts.loopback("home", 2525));
        accounts.put(Accounts.loopback("work", 2526).withDefault(true));
        assertEquals("home", route("HOME@example.org"), "addresses compare without case");
        assertEquals("work", route("work@example.org"));
        assertEquals("work", route("stranger@example.org"), "the default account takes the rest");
    }

    @Test
    void aSenderWithNoAccountAndNoDefaultIsRefusedClearly() {
        accounts.put(Accounts.loopback("home", 2525));
        accounts.put(Accounts.loopback("work", 2526));
        PermanentFailureException e = assertThrows(PermanentFailureException.class, () -> route("stranger@example.org"));
        assertTrue(e.getMessage().contains("no account sends as stranger@example.org"), e.getMessage());
    }

    @Test
    void aTransportIsKeptUntilItsAccountChanges() throws Exception {
        Account home = Accounts.loopback("home", 2525);
        accounts.put(home);
        Transport first = router.routeFor(home.identity()).transport();
        assertSame(first, router.routeFor(home.identity()).transport(), "kept: its connection is reused");
        accounts.put(home.withPinnedCertificate("AB".repeat(32)));
        Transport second = router.routeFor(home.identity()).transport();
        assertFalse(first == second, "new settings, new transport");
        assertTrue(((NamedTransport) first).closed);
        router.close();
        assertTrue(((NamedTransport) second).closed);
    }

    @Test
    void keepInSentFollowsTheAccount() throws Exception {
        Account home = Accounts.loopback("home", 2525);
        accounts.put(new Account(home.name(), home.identity(), home.host(), home.port(), home.security(), "",
                home.auth(), 0, false, false, false, "", true));
        assertFalse(router.routeFor(home.identity()).keepInSent());
    }

    private String routeChosen(String sender, String account) throws Exception {
        return ((NamedTransport) router.routeFor(MailAddress.of(sender), Optional.of(account)).transport()).name;
    }

    @Test
    void aChosenAccountIsTakenEvenWhenAnotherHasTheSameAddressAndIsTheDefault() throws Exception {
        Account relay = Accounts.loopback("relay", 2525).withDefault(true);
        Account same = new Account("provider", relay.identity(), "127.0.0.1", 2526, relay.security(), "",
                relay.auth(), 0, true, false, false, "", false);
        accounts.put(relay);
        accounts.put(same);
        assertEquals("provider", routeChosen("relay@example.org", "provider"));
        assertEquals("relay", routeChosen("relay@example.org", "relay"));
        assertEquals("relay", ((NamedTransport) router.routeFor(MailAddress.of("relay@example.org"), Optional.empty())
                .transport()).name, "a message from before accounts were recorded goes by its address, as then");
    }

    @Test
    void aRemovedChosenAccountIsNeverReplacedNotEvenByThePickupFolder() {
        accounts.put(Accounts.loopback("home", 2525).withDefault(true));
        AccountUnavailableException e = assertThrows(AccountUnavailableException.class,
                () -> routeChosen("home@example.org", "gone"));
        assertTrue(e.getMessage().contains("gone") && e.getMessage().contains("removed"), e.getMessage());
        accounts.remove("home");
        assertThrows(AccountUnavailableException.class, () -> routeChosen("home@example.org", "home"),
                "no account left: still waits, never the pickup folder");
    }

    @Test
    void aChosenAccountThatNowSendsAsAnotherAddressCannotSendIt() {
        accounts.put(Accounts.loopback("home", 2525));
        AccountUnavailableException e = assertThrows(AccountUnavailableException.class,
                () -> routeChosen("someone@example.org", "home"));
        assertTrue(e.getMessage().contains("now sends as home@example.org"), e.getMessage());
    }
}
