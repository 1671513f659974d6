package dev.envoi.setup;

import java.util.Objects;
import java.util.Optional;

/**
 * The servers found for an address, and where they came from.
 *
 * @param smtp the outgoing server
 * @param imap the incoming IMAP server, when the source named one
 * @param signIn how to sign in
 * @param user the user name to sign in with (the address unless the source said otherwise)
 * @param source which step of the search found it
 * @param origin what exactly answered: a URL, a DNS name, a probed host (shown to the user)
 */
public record Discovery(Endpoint smtp, Endpoint imap, SignIn signIn, String user, Source source, String origin) {

    public Discovery {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(source, "source");
        user = user == null ? "" : user;
        origin = origin == null ? "" : origin;
    }

    public Optional<Endpoint> imapServer() {
        return Optional.ofNullable(imap);
    }
}
