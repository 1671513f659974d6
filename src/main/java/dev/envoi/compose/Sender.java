package dev.envoi.compose;

import dev.envoi.message.MailAddress;
import java.util.Optional;

/**
 * A choice of the From list: an identity and the account that sends it (none in a profile
 * without accounts). Two accounts may share an address; then each shows its name, so the user
 * sees which one the message will go through.
 */
public record Sender(MailAddress identity, Optional<String> account, boolean showAccount) {

    /** An identity with no account of its own (the local user, a --from of no account). */
    public static Sender of(MailAddress identity) {
        return new Sender(identity, Optional.empty(), false);
    }

    /** What the From list shows: the address, and the account's name when it must be told apart. */
    @Override
    public String toString() {
        String shown = identity.toDisplayString();
        return showAccount && account.isPresent() ? shown + " (" + account.get() + ")" : shown;
    }

    /*
     * equals and hashCode are written out: a record's own are an invokedynamic call linked at its
     * first use, and the compose window's first use (From's listener, before the first frame) spent
     * 3% of the FX thread's start linking it (JFR, issue 21, docs/benchmarks.md).
     */

    @Override
    public boolean equals(Object other) {
        return other instanceof Sender that && showAccount == that.showAccount && identity.equals(that.identity)
                && account.equals(that.account);
    }

    @Override
    public int hashCode() {
        return (identity.hashCode() * 31 + account.hashCode()) * 31 + Boolean.hashCode(showAccount);
    }
}
