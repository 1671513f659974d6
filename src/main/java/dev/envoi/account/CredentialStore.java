package dev.envoi.account;

import java.util.Optional;

/**
 * Where an account's password or OAuth2 token is kept. Implementations never log a secret nor
 * put one in an exception message.
 */
public interface CredentialStore extends SecretLookup {

    /** A sentence for the user: where secrets go ("the system keyring", "a file readable by you only"). */
    String description();

    @Override
    Optional<char[]> secretFor(Account account) throws CredentialException;

    void store(Account account, char[] secret) throws CredentialException;

    void delete(Account account) throws CredentialException;
}
