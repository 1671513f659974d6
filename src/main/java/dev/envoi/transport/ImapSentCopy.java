package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.i18n.Sentences;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Files the sender's copy of a sent message in the account's Sent folder on its IMAP server, with
 * Angus's IMAP: sign in as the SMTP account does, find the folder, search it for the Message-ID,
 * and APPEND with {@code \Seen} only when it is not there. The search makes a retry safe after any
 * break (a crash, a connection dropped during APPEND): the copy is never filed twice.
 */
public final class ImapSentCopy {

    private static final Sentences WORDS = Sentences.of(ImapSentCopy.class);

    private final Account account;
    private final ImapSettings settings;
    private final SecretLookup secrets;
    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;
    private final MimeAssembler assembler = new MimeAssembler();

    public ImapSentCopy(Account account, ImapSettings settings, SecretLookup secrets, SmtpTimeouts timeouts,
                        ServerTrust trust) {
        this.account = account;
        this.settings = settings;
        this.secrets = secrets;
        this.timeouts = timeouts;
        this.trust = trust;
    }

    /** What a try did: where the copy is, and whether this try appended it or found it there. */
    public record Filed(String folder, boolean appended) {
    }

    /**
     * Makes sure the copy is in the Sent folder.
     *
     * @throws TransientFailureException the server could not be reached or broke off; try again later
     * @throws PermanentFailureException the copy cannot be made as things stand (login refused, no
     *                                   secret, certificate refused); the reason says what to change
     */
    public Filed copy(OutgoingMessage message) throws TransferException {
        MimeMessage mime = senderCopy(message);
        ImapServer server = settings.server();
        char[] secret = secret();
        AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
        SSLContext tls = server.security() == SmtpSecurity.NONE ? null
                : trust.contextFor(account.pinnedCertificate(), rejected);
        Session session = ImapSessions.forServer(server, account.auth(), timeouts, tls, new SocketTracker());
        Store store = null;
        try {
            store = session.getStore(ImapSessions.protocol(server));
            store.connect(server.host(), server.port(), account.user(), new String(secret));
            Folder folder = SentFolderFinder.find((IMAPStore) store, settings.sentFolder());
            if (holds(folder, message.messageId())) {
                return new Filed(folder.getFullName(), false);
            }
            folder.appendMessages(new Message[] {mime});
            return new Filed(folder.getFullName(), true);
        } catch (AuthenticationFailedException e) {
            throw new PermanentFailureException(WORDS.get("copy.loginRefused", where(), account.user(),
                    visible(e.getMessage()), account.name()));
        } catch (MessagingException e) {
            RejectedCertificate refused = rejected.get();
            if (refused != null) {
                throw new PermanentFailureException(WORDS.get("copy.certificate", where(), refused.subject(),
                        refused.sha256()));
            }
            throw new TransientFailureException(WORDS.get("copy.failed", where(), visible(e.getMessage())), e);
        } finally {
            Arrays.fill(secret, '\0');
            closeQuietly(store);
        }
    }

    private MimeMessage senderCopy(OutgoingMessage message) throws PermanentFailureException {
        try {
            MimeMessage mime = assembler.assembleSenderCopy(message);
            mime.setFlag(Flags.Flag.SEEN, true);
            return mime;
        } catch (MessagingException e) {
            throw new PermanentFailureException(WORDS.get("copy.mime", visible(e.getMessage())));
        }
    }

    /** True when the folder holds a message with this Message-ID already (an earlier try filed it). */
    private static boolean holds(Folder folder, String messageId) throws MessagingException {
        folder.open(Folder.READ_ONLY);
        try {
            return folder.search(new MessageIDTerm(messageId)).length > 0;
        } finally {
            folder.close(false);
        }
    }

    private char[] secret() throws PermanentFailureException {
        if (account.auth() == AuthMethod.NONE) {
            // IMAP has no anonymous mailbox: the account's SMTP login is the only one Envoi knows.
            throw new PermanentFailureException(WORDS.get("copy.noLogin", account.name()));
        }
        try {
            Optional<char[]> found = secrets.secretFor(account);
            return found.orElseThrow(() -> new PermanentFailureException(WORDS.get("copy.noSecret", account.name())));
        } catch (CredentialException e) {
            throw new PermanentFailureException(WORDS.get("copy.noSecretWhy", account.name(), visible(e.getMessage())));
        }
    }

    private String where() {
        return settings.server().host() + ":" + settings.server().port();
    }

    /** A server's words on one line, control characters shown rather than obeyed. */
    static String visible(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.strip().codePoints().forEach(c -> {
            if (c == '\r' || c == '\n') {
                out.append(' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static void closeQuietly(Store store) {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // The copy's outcome is already decided; a failed LOGOUT changes nothing.
            }
        }
    }
}
