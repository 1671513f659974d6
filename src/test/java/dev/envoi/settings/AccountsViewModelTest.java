package dev.envoi.settings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import dev.envoi.testing.UiQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The accounts window without a window: a real account table, real credentials, a real SMTP server. */
@Timeout(60)
class AccountsViewModelTest {

    private static final String PASSWORD = "correct horse";

    @TempDir
    Path profile;
    private SqliteMessageStore store;
    private GreenMail server;
    private CredentialChain credentials;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final UiQueue ui = new UiQueue();
    private final List<String> removalsAsked = new ArrayList<>();
    private int changes;
    private AccountsViewModel model;

    @BeforeEach
    void setUp() {
        store = SqliteMessageStore.open(profile);
        server = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}));
        server.start();
        server.setUser("emile@example.org", "emile", PASSWORD);
        credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        SmtpTimeouts quick = new SmtpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5));
        ConnectionTester tester = (account, secret) -> new AccountTester(quick, ServerTrust.system())
                .test(account, secret).steps().stream()
                .map(s -> new ConnectionTester.Step(s.step().name(), s.ok(), s.detail())).toList();
        AccountsContext context = new AccountsContext(store.accounts(), credentials, tester, background, ui,
                () -> changes++);
        model = new AccountsViewModel(context, name -> {
            removalsAsked.add(name);
            return true;
        }, Texts.of(AccountsViewModel.class, Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        server.stop();
        background.shutdown();
        background.awaitTermination(5, TimeUnit.SECONDS);
        store.close();
    }

    private void fillLocalAccount(String password) {
        AccountForm form = model.form();
        form.nameProperty().set("local");
        form.displayNameProperty().set("Émile Envoi");
        form.addressProperty().set("emile@example.org");
        form.hostProperty().set("127.0.0.1");
        form.securityProperty().set(SmtpSecurity.NONE);
        form.portProperty().set(String.valueOf(server.getSmtp().getPort()));
        form.userProperty().set("emile");
        form.authProperty().set(AuthMethod.PASSWORD);
        form.passwordProperty().set(password);
        form.passwordStoreProperty().set(CredentialChoice.FILE);
    }

    @Test
    void testConnectionSaysWhichStepFailed() throws Exception {
        fillLocalAccount("wrong");
        model.testConnection();
        ui.runUntil(() -> !model.busyProperty().get() && model.testReportProperty().get().contains("LOGIN"), Duration.ofSeconds(20), "tested");
        assertTrue(model.testReportProperty().get().startsWith("✔ CONNECT"), model.testReportProperty().get());
        assertTrue(model.testReportProperty().get().contains("✘ LOGIN"), model.testReportProperty().get());
        assertEquals("The connection test failed; the step that failed says why.", model.statusProperty().get());

        model.form().passwordProperty().set(PASSWORD);
        model.testConnection();
        ui.runUntil(() -> !model.busyProperty().get() && model.statusProperty().get().startsWith("Connection"), Duration.ofSeconds(20), "ok");
        assertFalse(model.testReportProperty().get().contains("✘"), model.testReportProperty().get());
        assertTrue(store.accounts().accounts().isEmpty(), "testing saves nothing");
    }

    @Test
    void saveKeepsTheAccountAndItsPasswordWhereTheUserChose() throws Exception {
        fillLocalAccount(PASSWORD);
        model.form().makeDefaultProperty().set(true);
        model.save();
        ui.runUntil(() -> model.accounts().size() == 1, Duration.ofSeconds(20), "saved");

        Account saved = store.accounts().find("local").orElseThrow();
        assertEquals("Émile Envoi", saved.identity().displayName());
        assertEquals(server.getSmtp().getPort(), saved.port());
        assertTrue(saved.isDefault());
        assertArrayEquals(PASSWORD.toCharArray(), credentials.storeFor(CredentialChoice.FILE).secretFor(saved)
                .orElseThrow());
        assertEquals("", model.form().passwordProperty().get(), "the typed password does not linger in the form");
        assertEquals(1, changes, "the compose windows hear of the new identity");
        assertFalse(new String(Files.readAllBytes(profile.resolve(SqliteMessageStore.DATABASE_FILE))).contains(PASSWORD),
                "the password is not in the database");
    }

    @Test
    void anAddressAnotherAccountUsesIsSavedWithANote() throws Exception {
        fillLocalAccount(PASSWORD);
        model.save();
        ui.runUntil(() -> model.accounts().size() == 1, Duration.ofSeconds(20), "saved");
        model.newAccount();
        fillLocalAccount(PASSWORD);
        model.form().nameProperty().set("relay");

        model.save();
        ui.runUntil(() -> model.accounts().size() == 2, Duration.ofSeconds(20), "saved too: a note, not a refusal");

        assertEquals("The account relay is saved. Note: emile@example.org is also the address of local; the From "
                + "list shows the account names, so choose there which one sends.", model.statusProperty().get());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        fillLocalAccount(PASSWORD);
        model.form().portProperty().set("smtp");
        model.save();
        assertEquals("port: “smtp” is not a whole number", model.errorProperty().get());

        fillLocalAccount(PASSWORD);
        model.form().addressProperty().set("emile@");
        model.save();
        assertEquals("address: “emile@”: no domain follows the @", model.errorProperty().get());

        fillLocalAccount(PASSWORD);
        model.form().hostProperty().set("smtp.example.org");
        model.save();
        assertTrue(model.errorProperty().get().startsWith("security: sending without encryption to smtp.example.org"),
                model.errorProperty().get());
        assertTrue(store.accounts().accounts().isEmpty(), "nothing was saved");
    }

    @Test
    void badSettingsAreRefusedInFrench() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRENCH);
        try {
            AccountsViewModel french = new AccountsViewModel(new AccountsContext(store.accounts(), credentials,
                    (account, secret) -> List.of(), background, ui, () -> { }), name -> true,
                    Texts.of(AccountsViewModel.class));
            model = french;
            fillLocalAccount(PASSWORD);
            french.form().hostProperty().set("smtp example");
            french.save();
            assertEquals("serveur : « smtp example » n’est ni un nom d’hôte ni une adresse", french.errorProperty().get());

            fillLocalAccount(PASSWORD);
            french.form().displayNameProperty().set("Émile\nEnvoi");
            french.save();
            assertEquals("votre nom : le nom contient un saut de ligne ou un caractère de contrôle",
                    french.errorProperty().get());
            assertTrue(store.accounts().accounts().isEmpty(), "nothing was saved");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void choosingTlsMovesAnUntouchedPortAlong() {
        model.newAccount();
        assertEquals("587", model.form().portProperty().get());
        model.form().securityProperty().set(SmtpSecurity.TLS);
        assertEquals("465", model.form().portProperty().get());
        model.form().portProperty().set("2465");
        model.form().securityProperty().set(SmtpSecurity.STARTTLS);
        assertEquals("2465", model.form().portProperty().get(), "a port the user typed stays");
    }

    @Test
    void removeAsksThenForgetsTheAccountAndItsPassword() throws Exception {
        fillLocalAccount(PASSWORD);
        model.save();
        ui.runUntil(() -> model.accounts().size() == 1, Duration.ofSeconds(20), "saved");
        model.selectedProperty().set(model.accounts().get(0));
        assertEquals("local", model.form().nameProperty().get(), "selecting an account fills the form");

        model.remove();
        ui.runUntil(() -> model.accounts().isEmpty(), Duration.ofSeconds(20), "removed");
        assertEquals(List.of("local"), removalsAsked);
        assertTrue(store.accounts().find("local").isEmpty());
        Account gone = new Account("local", dev.envoi.message.MailAddress.of("emile@example.org"), "127.0.0.1", 25,
                SmtpSecurity.NONE, "emile", AuthMethod.PASSWORD, 0, true, false, false, "", false);
        assertTrue(credentials.storeFor(CredentialChoice.FILE).secretFor(gone).isEmpty(), "its password is forgotten");
    }
}
