package dev.envoi.account;

import java.util.Optional;

/** Finds an account's password or token at the moment it is needed; never logs it. */
@FunctionalInterface
public interface SecretLookup {

    /** The secret, or empty when none is known; the caller wipes the array after use. */
    Optional<char[]> secretFor(Account account) throws CredentialException;
}
