package dev.envoi.account;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets kept in memory for this run only: what Envoi uses when the system has no keyring and
 * the user did not choose a file, so the password is asked once per session.
 */
public final class SessionCredentials implements CredentialStore {

    private final Map<String, char[]> secrets = new ConcurrentHashMap<>();

    @Override
    public String description() {
        return "memory, for this session only (no system keyring was found)";
    }

    @Override
    public Optional<char[]> secretFor(Account account) {
        char[] secret = secrets.get(account.name());
        return secret == null ? Optional.empty() : Optional.of(secret.clone());
    }

    @Override
    public void store(Account account, char[] secret) {
        secrets.put(account.name(), secret.clone());
    }

    @Override
    public void delete(Account account) {
        char[] old = secrets.remove(account.name());
        if (old != null) {
            Arrays.fill(old, '\0');
        }
    }
}
