package dev.envoi.account;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.envoi.i18n.Sentences;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Secrets in the operating system's keyring (Secret Service, Keychain, Credential Manager). */
public final class KeyringCredentials implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyringCredentials.class);

    private static final Sentences WORDS = Sentences.of(KeyringCredentials.class);
    private static final String SERVICE = "Envoi SMTP";

    private final Keyring keyring;

    private KeyringCredentials(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The system keyring, or empty when this system has none Envoi can reach. */
    public static Optional<KeyringCredentials> system() {
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("no system keyring here: {}", e.toString());
            return Optional.empty();
        }
        try {
            // Creating succeeds on Linux even with no Secret Service running; a read tells.
            keyring.getPassword(SERVICE, "envoi-probe");
            return Optional.of(new KeyringCredentials(keyring));
        } catch (PasswordAccessException e) {
            if (isMissingEntry(e)) {
                return Optional.of(new KeyringCredentials(keyring));
            }
            LOG.info("the system keyring does not answer: {}", e.toString());
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            LOG.info("the system keyring does not answer: {}", e.toString());
            return Optional.empty();
        }
    }

    private static boolean isMissingEntry(PasswordAccessException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return text.contains("not found") || text.contains("no such") || text.contains("unable to find");
    }

    @Override
    public String description() {
        return "the system keyring";
    }

    @Override
    public Optional<char[]> secretFor(Account account) throws CredentialException {
        try {
            String secret = keyring.getPassword(SERVICE, key(account));
            return secret == null ? Optional.empty() : Optional.of(secret.toCharArray());
        } catch (PasswordAccessException e) {
            if (isMissingEntry(e)) {
                return Optional.empty();
            }
            throw new CredentialException(WORDS.get("keyring.refusedGet", account.name()), null);
        }
    }

    @Override
    public void store(Account account, char[] secret) throws CredentialException {
        try {
            keyring.setPassword(SERVICE, key(account), new String(secret));
        } catch (PasswordAccessException e) {
            throw new CredentialException(WORDS.get("keyring.refusedStore", account.name()), null);
        }
    }

    @Override
    public void delete(Account account) throws CredentialException {
        try {
            keyring.deletePassword(SERVICE, key(account));
        } catch (PasswordAccessException e) {
            if (!isMissingEntry(e)) {
                throw new CredentialException(WORDS.get("keyring.refusedDelete", account.name()), null);
            }
        }
    }

    private static String key(Account account) {
        return account.user() + "@" + account.host() + ":" + account.port();
    }
}
