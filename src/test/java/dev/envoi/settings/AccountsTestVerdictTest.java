package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 15, in the Accounts window's view-model with a real account table and a real
 * server: the verdict names only the steps performed, and it goes when another account is chosen.
 */
@Timeout(60)
class AccountsTestVerdictTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private FaultSmtpServer server;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final UiQueue ui = new UiQueue();
    private AccountsViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        store = SqliteMessageStore.open(profile);
        server = new FaultSmtpServer();
        store.accounts().put(account("first", true));
        store.accounts().put(account("second", false));
        SmtpTimeouts quick = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        ConnectionTester tester = (account, secret) -> new AccountTester(quick, ServerTrust.system())
                .test(account, secret).steps().stream()
                .map(s -> new ConnectionTester.Step(s.step().name(), s.ok(), s.performed(), s.detail())).toList();
        AccountsContext context = new AccountsContext(store.accounts(),
                CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")), tester, background, ui, () -> { });
        model = new AccountsViewModel(context, name -> true, Texts.of(AccountsViewModel.class, Locale.ENGLISH));
        model.load();
        ui.runUntil(() -> model.accounts().size() == 2, Duration.ofSeconds(20), "loaded");
    }

    private Account account(String name, boolean isDefault) {
        return new Account(name, MailAddress.of(name + "@example.org"), "127.0.0.1", server.port(), SmtpSecurity.NONE,
                "", AuthMethod.NONE, 0, true, false, false, "", isDefault);
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    @Test
    void theVerdictNamesOnlyThePerformedStepsAndGoesWithTheAccount() throws Exception {
        assertEquals("first", model.form().nameProperty().get());
        model.testConnection();
        ui.runUntil(() -> !model.busyProperty().get() && !model.statusProperty().get().isEmpty(), Duration.ofSeconds(20),
                "tested");
        String verdict = model.statusProperty().get();
        assertTrue(verdict.contains("CONNECT"), verdict);
        assertFalse(verdict.contains("TLS") || verdict.contains("LOGIN"), "TLS and login were not used: " + verdict);
        assertTrue(model.testReportProperty().get().contains("– TLS"), model.testReportProperty().get());

        model.selectedProperty().set(model.accounts().get(1));
        assertEquals("second", model.form().nameProperty().get());
        assertEquals("", model.statusProperty().get(), "the first account's verdict is not shown for the second");
        assertEquals("", model.testReportProperty().get());
    }
}
