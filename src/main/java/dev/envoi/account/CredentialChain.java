package dev.envoi.account;

import dev.envoi.i18n.Sentences;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every place a secret may be, asked in order: the system keyring, the owner-only file (if the
 * user chose one), what was typed earlier in this session, and the ENVOI_SMTP_PASSWORD variable.
 * The keyring is probed only when a secret is first needed (the probe takes most of a second
 * where there is none), and never when ENVOI_KEYRING=off.
 */
public final class CredentialChain implements SecretLookup {

    public static final String PASSWORD_VARIABLE = "ENVOI_SMTP_PASSWORD";
    public static final String KEYRING_VARIABLE = "ENVOI_KEYRING";
    private static final Sentences WORDS = Sentences.of(CredentialChain.class);

    private final Supplier<Optional<KeyringCredentials>> keyringProbe;
    private final FileCredentials file;
    private final SessionCredentials session = new SessionCredentials();
    private final Map<String, String> environment;
    private Optional<KeyringCredentials> keyring;

    CredentialChain(Supplier<Optional<KeyringCredentials>> keyringProbe, FileCredentials file,
                    Map<String, String> environment) {
        this.keyringProbe = keyringProbe;
        this.file = file;
        this.environment = Map.copyOf(environment);
    }

    /** The chain of a profile, with the process's environment (or a test's). */
    public static CredentialChain forProfile(Path profileDir, Map<String, String> environment) {
        boolean keyringOff = "off".equals(environment.getOrDefault(KEYRING_VARIABLE, "").toLowerCase(Locale.ROOT));
        return new CredentialChain(keyringOff ? Optional::empty : KeyringCredentials::system,
                new FileCredentials(profileDir), environment);
    }

    /** The system keyring, if this machine has one Envoi can reach. */
    public synchronized Optional<KeyringCredentials> keyring() {
        if (keyring == null) {
            keyring = keyringProbe.get();
        }
        return keyring;
    }

    public SessionCredentials session() {
        return session;
    }

    /** The secret given in ENVOI_SMTP_PASSWORD, if any. */
    public Optional<char[]> fromEnvironment() {
        String value = environment.get(PASSWORD_VARIABLE);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toCharArray());
    }

    @Override
    public Optional<char[]> secretFor(Account account) throws CredentialException {
        if (account.auth() == AuthMethod.NONE) {
            return Optional.empty();
        }
        Optional<char[]> found = session.secretFor(account);
        if (found.isEmpty() && file.exists()) {
            found = file.secretFor(account);
        }
        if (found.isEmpty() && keyring().isPresent()) {
            found = keyring().get().secretFor(account);
        }
        // A refresh token never comes from the environment: another process could read it there.
        return found.isPresent() || account.auth() == AuthMethod.OAUTH2 ? found : fromEnvironment();
    }

    /** The store that holds the account's secret now, so a replaced refresh token goes back there. */
    public Optional<CredentialStore> holding(Account account) throws CredentialException {
        if (present(session.secretFor(account))) {
            return Optional.of(session);
        }
        if (file.exists() && present(file.secretFor(account))) {
            return Optional.of(file);
        }
        if (keyring().isPresent() && present(keyring().get().secretFor(account))) {
            return Optional.of(keyring().get());
        }
        return Optional.empty();
    }

    private static boolean present(Optional<char[]> secret) {
        secret.ifPresent(s -> java.util.Arrays.fill(s, '\0'));
        return secret.isPresent();
    }

    /** The store for a new secret, as the user chose; a keyring asked for but absent is an error. */
    public CredentialStore storeFor(CredentialChoice choice) throws CredentialException {
        return switch (choice) {
            case KEYRING -> keyring().orElseThrow(() -> new CredentialException(
                    WORDS.get("keyring.none")));
            case FILE -> file;
            case SESSION -> session;
        };
    }

    /** The keyring where there is one, else nowhere (asked each session): never a file unasked. */
    public CredentialChoice defaultChoice() {
        return keyring().isPresent() ? CredentialChoice.KEYRING : CredentialChoice.SESSION;
    }

    /** Forgets the account's secret everywhere Envoi may have kept it. */
    public void forget(Account account) throws CredentialException {
        session.delete(account);
        if (file.exists()) {
            file.delete(account);
        }
        if (keyring().isPresent()) {
            keyring().get().delete(account);
        }
    }

}
