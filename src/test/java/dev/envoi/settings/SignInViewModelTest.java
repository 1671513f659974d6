package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.oauth.AccountSignIn;
import dev.envoi.oauth.AuthorizationServer;
import dev.envoi.oauth.OAuthProvider;
import dev.envoi.oauth.TestBrowser;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.UiQueue;
import dev.envoi.ui.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts window's Sign in, without a window: a real authorization server and a test browser. */
class SignInViewModelTest {

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private CredentialChain credentials;
    private AuthorizationServer server;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final UiQueue ui = new UiQueue();
    private AccountsViewModel model;

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
        server = new AuthorizationServer(300);
        credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        TestBrowser browser = new TestBrowser();
        SignInService service = (account, settings, keepIn, shown) -> new AccountSignIn(Clock.systemUTC(), Duration.ofSeconds(30))
                .signIn(account, settings, credentials.storeFor(keepIn), page -> {
                    try {
                        browser.visit(page);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        AccountsContext context = new AccountsContext(store.accounts(), credentials, (a, s) -> List.of(), background, ui,
                () -> { }, new SignInContext(store.oauthSettings(), service));
        model = new AccountsViewModel(context, name -> true, Texts.of(AccountsViewModel.class, Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        store.close();
    }

    @Test
    void theSignInPageAddressIsShownForWhenNoBrowserOpened() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        SignInService waiting = (account, settings, keepIn, shown) -> {
            shown.accept(java.net.URI.create("https://login.example.org/authorize?client_id=c"));
            done.await(20, TimeUnit.SECONDS);
        };
        AccountsViewModel window = new AccountsViewModel(new AccountsContext(store.accounts(), credentials,
                (a, s) -> List.of(), background, ui, () -> { }, new SignInContext(store.oauthSettings(), waiting)),
                name -> true, Texts.of(AccountsViewModel.class, Locale.ENGLISH));
        Account work = new Account("work", new dev.envoi.message.MailAddress("", "emile@example.org"), "127.0.0.1",
                2525, SmtpSecurity.NONE, "emile@example.org", AuthMethod.OAUTH2, 0, true, false, false, "", true);
        window.selectedProperty().set(work);
        window.signInNow();
        SignInViewModel signIn = window.signIn().orElseThrow();
        ui.runUntil(() -> signIn.statusProperty().get().contains("https://login.example.org/authorize?client_id=c"),
                Duration.ofSeconds(20), "the address is shown");
        assertTrue(signIn.statusProperty().get().startsWith("Signing in: finish in your browser. If none opened"));
        done.countDown();
        ui.runUntil(() -> !signIn.busyProperty().get(), Duration.ofSeconds(20), "done");
    }

    @Test
    void aProviderPresetFillsInItsServer() {
        SignInViewModel signIn = model.signIn().orElseThrow();
        model.form().addressProperty().set("emile@contoso.com");

        signIn.providerProperty().set(OAuthProvider.GOOGLE);
        signIn.providerProperty().set(OAuthProvider.MICROSOFT);

        assertEquals("smtp.office365.com", model.form().hostProperty().get());
        assertEquals("587", model.form().portProperty().get());
        assertEquals(SmtpSecurity.STARTTLS, model.form().securityProperty().get());
        assertEquals(AuthMethod.OAUTH2, model.form().authProperty().get());
        assertEquals("emile@contoso.com", model.form().userProperty().get());
    }

    @Test
    void signInFromTheWindowKeepsTheRefreshTokenAndSaysSo() throws Exception {
        AccountForm form = model.form();
        form.nameProperty().set("work");
        form.addressProperty().set("emile@example.org");
        form.hostProperty().set("127.0.0.1");
        form.securityProperty().set(SmtpSecurity.NONE);
        form.portProperty().set("2525");
        form.userProperty().set("emile@example.org");
        form.authProperty().set(AuthMethod.OAUTH2);
        form.passwordStoreProperty().set(CredentialChoice.FILE);
        model.save();
        ui.runUntil(() -> !model.busyProperty().get() && model.selectedProperty().get() != null, Duration.ofSeconds(20),
                "saved");
        ui.runUntil(() -> model.signIn().orElseThrow().statusProperty().get().contains("not signed in"),
                Duration.ofSeconds(20), "it says the account is not signed in yet");
        SignInViewModel signIn = model.signIn().orElseThrow();
        signIn.providerProperty().set(OAuthProvider.CUSTOM);
        signIn.issuerProperty().set(server.issuer());
        signIn.clientIdProperty().set("envoi-test-client");
        signIn.scopesProperty().set(AuthorizationServer.SCOPES);

        model.signInNow();
        ui.runUntil(() -> !signIn.busyProperty().get(), Duration.ofSeconds(30), "signed in");

        assertEquals("Account work is signed in; messages waiting for it are on their way.", signIn.statusProperty().get());
        Account work = store.accounts().find("work").orElseThrow();
        assertTrue(credentials.secretFor(work).isPresent(), "the refresh token is kept");
        assertEquals(server.issuer(), store.oauthSettings().find("work").orElseThrow().issuer());
        assertEquals(AuthorizationServer.SCOPES, store.oauthSettings().find("work").orElseThrow().scopes());
    }
}
