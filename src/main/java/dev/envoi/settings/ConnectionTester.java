package dev.envoi.settings;

import dev.envoi.account.Account;
import dev.envoi.account.CertificateDetails;
import dev.envoi.account.ImapServer;
import dev.envoi.account.SecretLookup;
import java.util.List;
import java.util.Optional;

/**
 * Tries an account's server step by step (connect, TLS, login) and says how each step went. The
 * app gives the real SMTP tester; the window never touches a transport itself.
 */
@FunctionalInterface
public interface ConnectionTester {

    /**
     * One step and its outcome, in words the user can act on. A step the account does not use
     * (TLS when it sends unencrypted, login when it has none) is not {@code used}: it is shown,
     * but never counted as a success.
     */
    record Step(String name, boolean ok, boolean used, String detail) {
        public Step(String name, boolean ok, String detail) {
            this(name, ok, true, detail);
        }
    }

    /** The steps, and the server's certificate when TLS failed because it did not verify. */
    record Outcome(List<Step> steps, Optional<CertificateDetails> refusedCertificate) {
    }

    List<Step> test(Account account, SecretLookup secret);

    /** The steps with the refused certificate; a tester that sees no certificates reports none. */
    default Outcome run(Account account, SecretLookup secret) {
        return new Outcome(test(account, secret), Optional.empty());
    }

    /**
     * As {@link #run(Account, SecretLookup)}, then the IMAP server the form holds, when there is one,
     * whose steps follow SMTP's. A tester that knows no IMAP tries the SMTP server only.
     */
    default Outcome run(Account account, Optional<ImapServer> imap, SecretLookup secret) {
        return run(account, secret);
    }
}
