package dev.envoi.setup;

import dev.envoi.account.SmtpSecurity;
import java.util.Optional;

/**
 * Whether found settings may be taken without the user looking: never when a connection would go
 * without TLS (the password or the mail in the clear), and, when the answer came over a channel
 * anyone on the path could change (plain HTTP, DNS), only when every server is inside the
 * address's own domain, so the answer cannot send the user's password to someone else's server.
 */
final class Safety {

    private Safety() {
    }

    /** Why the settings cannot be taken, or empty when they can. */
    static Optional<String> problem(Discovery found, String domain, boolean secureChannel) {
        if (found.smtp().security() == SmtpSecurity.NONE) {
            return Optional.of("the outgoing server " + found.smtp() + " has no TLS: "
                    + (found.signIn().sendsSecret() ? "the password" : "the mail") + " would cross the network in the clear");
        }
        if (found.imap() != null && found.imap().security() == SmtpSecurity.NONE && found.signIn().sendsSecret()) {
            return Optional.of("the incoming server " + found.imap() + " has no TLS: the password would cross the "
                    + "network in the clear");
        }
        if (!secureChannel) {
            for (Endpoint server : new Endpoint[] {found.smtp(), found.imap()}) {
                if (server != null && !server.isInside(domain)) {
                    return Optional.of("the answer came unprotected (plain HTTP or DNS) and names " + server.host()
                            + ", outside " + domain);
                }
            }
        }
        return Optional.empty();
    }
}
