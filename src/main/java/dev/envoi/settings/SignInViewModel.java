package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.OAuthSettings;
import dev.envoi.oauth.OAuthProvider;
import dev.envoi.ui.Texts;
import dev.envoi.ui.task.BackgroundTask;
import dev.envoi.ui.task.TaskExecutor;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Sign in part of the accounts window: the provider (whose preset fills in the server), an
 * issuer for any other provider, the client id, and the Sign in button for the saved account.
 * It says whether the account is signed in, so a revoked sign-in shows here as "sign in again".
 */
public final class SignInViewModel {

    private final SignInContext context;
    private final CredentialChain credentials;
    private final AccountForm form;
    private final TaskExecutor tasks;
    private final Executor ui;
    private final Texts texts;
    final ObjectProperty<OAuthProvider> provider = new SimpleObjectProperty<>(OAuthProvider.MICROSOFT);
    final StringProperty issuer = new SimpleStringProperty("");
    final StringProperty clientId = new SimpleStringProperty("");
    /** Blank: the preset's scopes; an issuer needs them given. */
    final StringProperty scopes = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    /** True while a stored account is shown: its own server stays, whatever its provider's preset says. */
    private boolean loading;
    /** A desktop client secret given on the command line (Google); the window has no field for it, but keeps it. */
    private String clientSecret = "";

    SignInViewModel(SignInContext context, CredentialChain credentials, AccountForm form, TaskExecutor tasks,
                    Executor ui, Texts texts) {
        this.context = context;
        this.credentials = credentials;
        this.form = form;
        this.tasks = tasks;
        this.ui = ui;
        this.texts = texts;
        provider.addListener((o, was, chosen) -> {
            if (!loading) {
                applyPreset(chosen);
            }
        });
    }

    public ObjectProperty<OAuthProvider> providerProperty() {
        return provider;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty scopesProperty() {
        return scopes;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }

    /** A preset's server goes into the form (the user may still change it). */
    private void applyPreset(OAuthProvider chosen) {
        if (chosen == null || chosen.smtpHost().isEmpty()) {
            return;
        }
        form.auth.set(AuthMethod.OAUTH2);
        form.showServer(chosen.smtpHost().get(), chosen.smtpSecurity(), chosen.smtpPort());
        if (form.user.get().isBlank()) {
            form.user.set(form.address.get().strip());
        }
    }

    /** Shows the sign-in settings of the account chosen in the list, and whether it is signed in. */
    void load(Account account) {
        status.set("");
        if (account == null || account.auth() != AuthMethod.OAUTH2) {
            return;
        }
        /** What the background read found. */
        record Found(Optional<OAuthSettings> stored, boolean signedIn) {
        }
        BackgroundTask.of("reading an account's sign-in settings",
                () -> new Found(context.settings().find(account.name()), hasRefreshToken(account)))
                .onSuccess(found -> {
                    found.stored().ifPresent(s -> {
                        issuer.set(s.issuer());
                        clientId.set(s.clientId());
                        scopes.set(s.scopes());
                        clientSecret = s.clientSecret();
                        loading = true;
                        try {
                            provider.set(OAuthProvider.byId(s.provider()).orElse(OAuthProvider.CUSTOM));
                        } finally {
                            loading = false;
                        }
                    });
                    status.set(texts.get(found.signedIn() ? "signIn.signedIn" : "signIn.needed", account.name()));
                })
                .onFailure(e -> status.set(BackgroundTask.messageOf(e)))
                .executeWith(tasks);
    }

    private boolean hasRefreshToken(Account account) {
        try {
            Optional<char[]> secret = credentials.secretFor(account);
            secret.ifPresent(s -> java.util.Arrays.fill(s, '\0'));
            return secret.isPresent();
        } catch (Exception e) {
            return false;
        }
    }

    /** Saves the sign-in settings of the saved account, then signs it in through the browser. */
    void signIn(Account saved, CredentialChoice keepIn) {
        if (saved == null || saved.auth() != AuthMethod.OAUTH2) {
            status.set(texts.get("signIn.saveFirst"));
            return;
        }
        OAuthProvider chosen = provider.get() == null ? OAuthProvider.CUSTOM : provider.get();
        OAuthSettings settings = new OAuthSettings(saved.name(), issuer.get().isBlank() ? chosen.id() : "custom",
                issuer.get(), clientId.get(), scopes.get(), clientSecret);
        busy.set(true);
        status.set(texts.get("signIn.running"));
        BackgroundTask.run("signing an account in", () -> {
            context.settings().put(settings);
            context.service().signIn(saved, settings, keepIn, page -> ui.execute(() -> {
                if (busy.get()) {
                    status.set(texts.get("signIn.page", page));
                }
            }));
        }).onSuccess(v -> status.set(texts.get("signIn.done", saved.name())))
                .onFailure(e -> status.set(BackgroundTask.messageOf(e)))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }
}
