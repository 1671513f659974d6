package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.setup.AccountFinder;
import dev.envoi.setup.Endpoint;
import dev.envoi.setup.FinderSettings;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Continue without a window: the shipped presets through the real finder (no network is asked for them). */
@Timeout(60)
class DiscoveryViewModelTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final UiQueue ui = new UiQueue();
    private final List<String> tests = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private AccountsViewModel model(ServerFinder finder) {
        ConnectionTester tester = (account, secret) -> {
            tests.add(account.host());
            return List.of();
        };
        AccountsContext context = new AccountsContext(store.accounts(),
                CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off")), tester, background, ui, () -> { },
                finder);
        return new AccountsViewModel(context, name -> true, Texts.of(AccountsViewModel.class, Locale.ENGLISH));
    }

    @Test
    void anOauthProviderFillsTheFormAndAsksToSignInInsteadOfTesting() throws Exception {
        AccountsViewModel model = model(new AccountFinder(FinderSettings.fromEnvironment(Map.of()))::find);
        model.form().addressProperty().set("jane@gmail.com");
        model.discovery().find();
        ui.runUntil(() -> !model.discovery().busyProperty().get(), java.time.Duration.ofSeconds(20), "the search ends");
        assertEquals("smtp.gmail.com", model.form().hostProperty().get());
        assertEquals(SmtpSecurity.TLS, model.form().securityProperty().get());
        assertEquals(AuthMethod.OAUTH2, model.form().authProperty().get());
        assertEquals(new Endpoint("imap.gmail.com", 993, SmtpSecurity.TLS), model.discovery().imapProperty().get());
        String source = model.discovery().sourceProperty().get();
        assertTrue(source.startsWith("From Envoi’s list of providers (google).") && source.contains("OAuth2 (google)"),
                source);
        assertTrue(tests.isEmpty(), "no connection test without the sign-in's token");
    }

    @Test
    void anAnswerForAnAddressChangedMeanwhileIsDropped() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AccountFinder finder = new AccountFinder(FinderSettings.fromEnvironment(Map.of()));
        AccountsViewModel model = model(address -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return finder.find(address);
        });
        model.form().addressProperty().set("jane@gmail.com");
        model.discovery().find();
        model.form().addressProperty().set("jane@example.org");
        release.countDown();
        ui.runUntil(() -> !model.discovery().busyProperty().get(), java.time.Duration.ofSeconds(20), "the search ends");
        assertEquals("", model.form().hostProperty().get());
        assertEquals("", model.discovery().sourceProperty().get());
    }
}
