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
}
