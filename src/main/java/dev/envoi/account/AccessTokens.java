package dev.envoi.account;

/**
 * Access tokens of signed-in accounts, kept in memory only and refreshed before they expire.
 * Implementations never log a token nor put one in an exception message.
 */
public interface AccessTokens {

    /**
     * A token valid for at least a little while; the caller wipes the array after use.
     *
     * @throws SignInNeededException the account must be signed in again (no refresh token, or the
     *                               server revoked it)
     * @throws CredentialException   the authorization server could not be asked now (unreachable,
     *                               an error on its side): worth trying again later
     */
    char[] accessToken(Account account) throws CredentialException;

    /** Forgets the kept token, so the next {@link #accessToken} refreshes (after the server refused it). */
    void forget(Account account);
}
