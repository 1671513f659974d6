package dev.envoi.spool;

import dev.envoi.message.MailAddress;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.Transport;
import java.util.Optional;

/**
 * Chooses the transport for a message: the account it was submitted with; for a message without
 * one, by its sender: the account whose identity it is, the default account, or the pickup folder
 * when the profile has no account. Keeps transports (and
 * their connections) between messages; closing it closes them.
 */
public interface TransportRouter extends AutoCloseable {

    /**
     * Where a message goes, whether a copy stays in Sent afterwards, and the name of the account it
     * goes through ("" for none), whose IMAP settings say whether the server's Sent folder gets a copy.
     */
    record Route(Transport transport, boolean keepInSent, String account) {
        public Route(Transport transport, boolean keepInSent) {
            this(transport, keepInSent, "");
        }
    }

    /**
     * @throws PermanentFailureException no transport can send for this sender (an account was
     *                                   removed); the message goes back to Drafts saying so
     */
    Route routeFor(MailAddress sender) throws PermanentFailureException;

    /**
     * The route of a message submitted with an account: exactly that account, never another.
     * Without one (a message older than the record of accounts, or a profile without accounts)
     * the route is by sender, as above.
     *
     * @throws AccountUnavailableException the account was removed or cannot send as the sender
     */
    default Route routeFor(MailAddress sender, Optional<String> account)
            throws PermanentFailureException, AccountUnavailableException {
        return routeFor(sender);
    }

    @Override
    void close();

    static TransportRouter single(Transport transport) {
        return new TransportRouter() {
            @Override
            public Route routeFor(MailAddress sender) {
                return new Route(transport, true);
            }

            @Override
            public void close() {
                transport.close();
            }
        };
    }
}
