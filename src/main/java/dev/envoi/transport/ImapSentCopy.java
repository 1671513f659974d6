package dev.envoi.transport;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SignInNeededException;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.i18n.Sentences;
import dev.envoi.i18n.VisibleText;
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
 * <p>An account that signs in with OAuth 2.0 logs in with SASL XOAUTH2 and an access token from
 * {@link AccessTokens}, refreshed as for SMTP: its stored secret is a refresh token, which only the
 * authorization server may ever see.
 */
public final class ImapSentCopy {

    private static final Sentences WORDS = Sentences.of(ImapSentCopy.class);

    private final Account account;
    private final ImapSettings settings;
    private final SecretLookup secrets;
    private final AccessTokens tokens;
    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;
    private final MimeAssembler assembler = new MimeAssembler();

    public ImapSentCopy(Account account, ImapSettings settings, SecretLookup secrets, AccessTokens tokens,
                        SmtpTimeouts timeouts, ServerTrust trust) {
        this.account = account;
        this.settings = settings;
        this.secrets = secrets;
        this.tokens = tokens;
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
        if (account.auth() != AuthMethod.OAUTH2) {
            return copy(message, mime, secret());
        }
        try {
            return copy(message, mime, accessToken());
        } catch (RefusedToken first) {
            // The token may have expired early or been revoked: one fresh token, then the user decides.
            tokens.forget(account);
            try {
                return copy(message, mime, accessToken());
            } catch (RefusedToken again) {
                throw new PermanentFailureException(WORDS.get("copy.signIn", where(), settings.server().loginFor(account),
                        oneLine(again.getMessage()), account.name()));
            }
        }
    }

    private Filed copy(OutgoingMessage message, MimeMessage mime, char[] secret) throws TransferException {
        ImapServer server = settings.server();
        AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
        SSLContext tls = server.security() == SmtpSecurity.NONE ? null
                : trust.contextFor(account.pinnedCertificate(), rejected);
        Session session = ImapSessions.forServer(server, account.auth(), timeouts, tls, new SocketTracker());
        Store store = null;
        try {
            store = session.getStore(ImapSessions.protocol(server));
            store.connect(server.host(), server.port(), server.loginFor(account), new String(secret));
            Folder folder = SentFolderFinder.find((IMAPStore) store, settings.sentFolder());
            if (holds(folder, message.messageId())) {
                return new Filed(folder.getFullName(), false);
            }
            folder.appendMessages(new Message[] {mime});
            return new Filed(folder.getFullName(), true);
        } catch (AuthenticationFailedException e) {
            if (account.auth() == AuthMethod.OAUTH2) {
                throw new RefusedToken(e.getMessage());
            }
            throw new PermanentFailureException(WORDS.get("copy.loginRefused", where(), settings.server().loginFor(account),
                    oneLine(e.getMessage()), account.name()));
        } catch (MessagingException e) {
            RejectedCertificate refused = rejected.get();
            if (refused != null) {
                throw new PermanentFailureException(WORDS.get("copy.certificate", where(), refused.subject(),
                        refused.sha256()));
            }
            throw new TransientFailureException(WORDS.get("copy.failed", where(), oneLine(e.getMessage())), e);
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
            throw new PermanentFailureException(WORDS.get("copy.mime", oneLine(e.getMessage())));
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
            throw new PermanentFailureException(WORDS.get("copy.noSecretWhy", account.name(), oneLine(e.getMessage())));
        }
    }

    private char[] accessToken() throws TransferException {
        if (tokens == null) {
            throw new PermanentFailureException(WORDS.get("copy.noSecret", account.name()));
        }
        try {
            return tokens.accessToken(account);
        } catch (SignInNeededException e) {
            throw new PermanentFailureException(WORDS.get("copy.signInFirst", account.name(), oneLine(e.getMessage())));
        } catch (CredentialException e) {
            // The authorization server could not be asked now: the copy waits and tries again.
            throw new TransientFailureException(WORDS.get("copy.failed", where(), oneLine(e.getMessage())));
        }
    }

    /** The IMAP server refused an access token: a failure only once a fresh one is refused too. */
    private static final class RefusedToken extends RuntimeException {
        RefusedToken(String serverWords) {
            super(serverWords, null, false, false);
        }
    }

    private String where() {
        return settings.server().host() + ":" + settings.server().port();
    }

    /** A server's words on one line (a reply may span lines), its control characters shown rather than obeyed. */
    static String oneLine(String text) {
        return text == null ? "" : VisibleText.of(text.strip().replace("\r\n", " ").replace('\r', ' ').replace('\n', ' '));
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
