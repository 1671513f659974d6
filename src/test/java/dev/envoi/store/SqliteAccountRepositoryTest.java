package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.Accounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAccountRepositoryTest {

    @TempDir
    Path profile;

    @Test
    void accountsRoundTripAndOneIsDefault() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            AccountRepository accounts = store.accounts();
            Account home = Accounts.loopback("home", 2525).withDefault(true);
            Account work = Accounts.loopback("work", 2526);
            accounts.put(home);
            accounts.put(work);
            assertEquals(List.of(home, work), accounts.accounts());
            assertEquals(home, accounts.defaultAccount().orElseThrow());
            accounts.put(work.withDefault(true));
            assertEquals("work", accounts.defaultAccount().orElseThrow().name());
            assertFalse(accounts.find("home").orElseThrow().isDefault(), "only one default");
            assertEquals("home", accounts.forAddress("HOME@example.org").orElseThrow().name());
            assertTrue(accounts.remove("home"));
            assertFalse(accounts.remove("home"));
            assertEquals(work.withDefault(true), accounts.defaultAccount().orElseThrow());
        }
        String dump = new String(Files.readAllBytes(profile.resolve(SqliteMessageStore.DATABASE_FILE)));
        assertFalse(dump.contains("password"), "no secret column, no secret");
    }
}
