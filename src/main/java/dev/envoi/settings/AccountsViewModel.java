package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.CredentialException;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.ImapSettingsRepository;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.WritingSettings;
import dev.envoi.i18n.VisibleText;
import dev.envoi.account.SharedAddresses;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The accounts window without a window: the profile's accounts, the form of the one being edited,
 * and Save, Remove and Test connection. Disk and network work runs as {@link BackgroundTask}s.
 */
public final class AccountsViewModel {

    private final AccountsContext context;
    private final AccountRepository repository;
    private final TaskExecutor tasks;
    private final Executor ui;
    private final AccountsDialogs dialogs;
    private final Texts texts;
    private final AccountForm form = new AccountForm();
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ObjectProperty<Account> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper testReport = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final CertificateTrust certificates;
    private CredentialChoice defaultStore = CredentialChoice.SESSION;
    /** Counts tests and account switches, on the UI thread: a result is shown only for its own run. */
    private long testRun;
    private final DiscoveryViewModel discovery;
    private final SignInViewModel signIn;
    /** The accounts' IMAP settings as last read, by account name; touched on the UI thread only. */
    private final Map<String, ImapSettings> imapSettings = new HashMap<>();
    /** The accounts' signatures and plain-text defaults as last read; UI thread only. */
    private final Map<String, WritingSettings> writingSettings = new HashMap<>();

    public AccountsViewModel(AccountsContext context, AccountsDialogs dialogs, Texts texts) {
        this.context = context;
        this.repository = context.accounts();
        this.ui = context.ui();
        this.tasks = new TaskExecutor(context.background(), ui).serial();
        this.dialogs = dialogs;
        this.texts = texts;
        this.certificates = new CertificateTrust(form, dialogs, texts, this::save);
        this.discovery = new DiscoveryViewModel(context.finder(), form, new TaskExecutor(context.background(), ui), texts,
                this::testConnection);
        this.signIn = context.signIn() == null ? null : new SignInViewModel(context.signIn(), context.credentials(),
                form, new TaskExecutor(context.background(), ui).serial(), ui, texts);
        selected.addListener((o, was, account) -> {
            form.load(account);
            form.imap.load(account == null ? null : imapSettings.get(account.name()));
            form.writing.load(account == null ? null : writingSettings.get(account.name()));
            // The last test's verdict was about the account shown before; one still running
            // reports to nobody (testRun moves on).
            testRun++;
            certificates.showing(account);
            if (signIn != null) {
                signIn.load(account);
            }
            testReport.set("");
            status.set("");
            error.set("");
        });
    }

    public AccountForm form() {
        return form;
    }

    /** The certificate a test refused, to trust; the selected account's pinned one, to forget. */
    public CertificateTrust certificates() {
        return certificates;
    }

    /** False when this window has no IMAP part (its context has no IMAP settings to keep them in). */
    public boolean offersImap() {
        return context.imap() != null;
    }

    /** False when this window has no signature part (its context has nowhere to keep one). */
    public boolean offersWriting() {
        return context.writing() != null;
    }

    /** Continue: the servers found from the address. */
    public DiscoveryViewModel discovery() {
        return discovery;
    }

    /** The OAuth 2.0 sign-in part, or empty when this window offers none. */
    public Optional<SignInViewModel> signIn() {
        return Optional.ofNullable(signIn);
    }

    /** Signs the saved account in through the browser (the form's password store keeps the refresh token). */
    public void signInNow() {
        if (signIn != null) {
            signIn.signIn(selected.get(), form.passwordStore.get());
        }
    }

    public ObservableList<Account> accounts() {
        return accounts;
    }

    public ObjectProperty<Account> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** One line per step of the last connection test. */
    public ReadOnlyStringProperty testReportProperty() {
        return testReport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }

    /** Reads the accounts (call once the window shows). */
    public void load() {
        work(() -> {
            List<Account> all = repository.accounts();
            // Probing for a keyring can take a second where there is none: never on the FX thread.
            CredentialChoice usual = context.credentials().defaultChoice();
            Map<String, ImapSettings> imap = readImap(all);
            Map<String, WritingSettings> writing = AccountWriting.read(context.writing(), all);
            return () -> {
                imapSettings.clear();
                imapSettings.putAll(imap);
                writingSettings.clear();
                writingSettings.putAll(writing);
                defaultStore = usual;
                form.passwordStore.set(usual);
                show(all, all.stream().filter(Account::isDefault).findFirst()
                        .or(() -> all.stream().findFirst()).map(Account::name).orElse(null));
            };
        });
    }

    /** An empty form for a new account. */
    public void newAccount() {
        selected.set(null);
        form.clear();
        form.passwordStore.set(defaultStore);
        error.set("");
    }

    /** The account the form describes, or empty with the form's problem shown. */
    private Optional<Account> checkedForm() {
        try {
            return Optional.of(form.toAccount(texts));
        } catch (AccountForm.Invalid e) {
            error.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** The IMAP settings the form describes (empty: no IMAP server), or null with the form's problem shown. */
    private Optional<ImapSettings> checkedImap(Account account) {
        if (!offersImap()) {
            return Optional.empty();
        }
        try {
            Optional<ImapSettings> typed = form.imap.toSettings(texts);
            if (typed.isPresent() && !form.needsPassword()) {
                // The copy logs in as the account does; an account without a login has nothing to give IMAP.
                throw new AccountForm.Invalid(texts.get("error.imapNoLogin"));
            }
            return typed;
        } catch (AccountForm.Invalid e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** Every account's IMAP settings; blocks on disk. */
    private Map<String, ImapSettings> readImap(List<Account> all) {
        Map<String, ImapSettings> read = new HashMap<>();
        ImapSettingsRepository imap = context.imap();
        if (imap != null) {
            all.forEach(a -> imap.forAccount(a.name()).ifPresent(s -> read.put(a.name(), s)));
        }
        return read;
    }

    /** Keeps the account's IMAP settings as typed, or removes them when no IMAP host is given; blocks on disk. */
    private void saveImap(Account account, Account replaced, Optional<ImapSettings> typed) {
        ImapSettingsRepository imap = context.imap();
        if (imap == null) {
            return;
        }
        if (replaced != null && !replaced.name().equals(account.name())) {
            imap.remove(replaced.name());
        }
        if (typed.isPresent()) {
            imap.put(account.name(), typed.get());
        } else {
            imap.remove(account.name());
        }
    }

    /** Checks the form, saves the account and, if one was typed, its password where the user chose. */
    public void save() {
        Optional<Account> checked = checkedForm();
        if (checked.isEmpty()) {
            return;
        }
        Account account = checked.get();
        Optional<ImapSettings> imap = checkedImap(account);
        if (imap == null) {
            return;
        }
        Account replaced = selected.get();
        WritingSettings writing = form.writing.toSettings();
        char[] secret = form.password.get().toCharArray();
        work(() -> {
            if (replaced != null && !replaced.name().equals(account.name())) {
                repository.remove(replaced.name());
            }
            repository.put(account);
            saveImap(account, replaced, imap);
            AccountWriting.save(context.writing(), account, replaced, writing);
            storeSecret(account, secret);
            List<Account> all = repository.accounts();
            Map<String, ImapSettings> imapNow = readImap(all);
            Map<String, WritingSettings> writingNow = AccountWriting.read(context.writing(), all);
            List<String> sharing = SharedAddresses.othersWith(all, account.name(), account.identity().address());
            return () -> {
                imapSettings.clear();
                imapSettings.putAll(imapNow);
                writingSettings.clear();
                writingSettings.putAll(writingNow);
                form.password.set("");
                show(all, account.name());
                // Allowed, but said: which of them sends is then chosen in From, by name.
                status.set(sharing.isEmpty() ? texts.get("status.saved", account.name())
                        : texts.get("status.savedShared", account.name(), account.identity().address(),
                                String.join(", ", sharing)));
                context.accountsChanged().run();
            };
        });
    }

    private void storeSecret(Account account, char[] secret) throws CredentialException {
        try {
            if (secret.length > 0 && form.needsPassword()) {
                context.credentials().storeFor(form.passwordStore.get()).store(account, secret);
            }
        } finally {
            java.util.Arrays.fill(secret, '\0');
        }
    }

    public void remove() {
        Account account = selected.get();
        if (account == null || !dialogs.confirmRemove(account.name())) {
            return;
        }
        work(() -> {
            repository.remove(account.name());
            context.credentials().forget(account);
            List<Account> all = repository.accounts();
            return () -> {
                show(all, null);
                form.clear();
                status.set(texts.get("status.removed", account.name()));
                context.accountsChanged().run();
            };
        });
    }

    /** Connects, negotiates TLS and logs in with what the form holds, and says which step failed. */
    public void testConnection() {
        Optional<Account> checked = checkedForm();
        if (checked.isEmpty()) {
            return;
        }
        Account account = checked.get();
        // The IMAP server as typed, tried too: a copy's login refused must show before a send.
        Optional<ImapSettings> imap = checkedImap(account);
        if (imap == null) {
            return;
        }
        String typed = form.password.get();
        SecretLookup secret = typed.isEmpty() ? context.credentials()
                : a -> Optional.of(typed.toCharArray());
        testReport.set(texts.get("test.running", account.host(), account.port()));
        long run = ++testRun;
        work(() -> {
            ConnectionTester.Outcome outcome = context.tester().run(account, imap.map(ImapSettings::server), secret);
            List<ConnectionTester.Step> steps = outcome.steps();
            // A detail may quote the server (its reply, its certificate's subject): shown visibly.
            String report = steps.stream().map(s -> (!s.used() ? "– " : s.ok() ? "✔ " : "✘ ") + s.name()
                    + (s.detail().isEmpty() ? "" : ": " + VisibleText.of(s.detail())))
                    .collect(Collectors.joining("\n"));
            boolean ok = steps.stream().allMatch(ConnectionTester.Step::ok);
            String tried = steps.stream().filter(ConnectionTester.Step::used).map(ConnectionTester.Step::name)
                    .collect(Collectors.joining(", "));
            return () -> {
                if (run != testRun) {
                    return;
                }
                testReport.set(report);
                certificates.tested(account, outcome.refusedCertificate());
                status.set(ok ? texts.get("test.ok", tried) : texts.get("test.failed"));
            };
        });
    }

    private void show(List<Account> all, String select) {
        accounts.setAll(all);
        if (select != null) {
            accounts.stream().filter(a -> a.name().equals(select)).findFirst().ifPresent(selected::set);
        }
    }

    /** Background work whose result is something to do on the UI thread; busy meanwhile. */
    private void work(BackgroundTask.Work<Runnable> work) {
        busy.set(true);
        error.set("");
        BackgroundTask.of("an accounts window action", work)
                .onSuccess(then -> {
                    busy.set(false);
                    then.run();
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(BackgroundTask.messageOf(e));
                })
                .executeWith(tasks);
    }
}
