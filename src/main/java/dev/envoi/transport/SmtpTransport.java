package dev.envoi.transport;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.SecretLookup;
import dev.envoi.i18n.Sentences;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends an account's mail through its SMTP server with Angus. One connection is kept for
 * consecutive messages (checked with RSET before a reuse after a second's idleness; a connection
 * reused unchecked and found dead before the message began is replaced and the message sent again). The hand-off
 * point is just before the end-of-data marker ({@link SmtpConnection}). A refused login blocks the
 * account, without another try, until its settings or its password change.
 */
public final class SmtpTransport implements Transport {

    private static final Sentences WORDS = Sentences.of(SmtpTransport.class);

    /** A kept connection idle longer than this is reopened rather than probed (servers drop idle ones). */
    private static final Duration MAX_IDLE = Duration.ofMinutes(2);
    private static final int PROBE_TIMEOUT_MILLIS = 15_000;
    /** A kept connection used this recently is reused without the RSET round trip. */
    private static final Duration PROBE_AFTER_IDLE = Duration.ofSeconds(1);

    private final Account account;
    private final SecretLookup secrets;
    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;
    private final MimeAssembler assembler = new MimeAssembler();
    private final AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
    private final SocketTracker sockets = new SocketTracker();
    private final Duration probeAfterIdle;
    private SmtpConnection connection;
    /** The connection of the message under way when it was reused without a probe. */
    private SmtpConnection reusedUnprobed;
    private long lastUsedNanos;
    private final RefusedLogin refusedLogin = new RefusedLogin();
    private BearerLogin bearer;

    public SmtpTransport(Account account, SecretLookup secrets, SmtpTimeouts timeouts, ServerTrust trust) {
        this(account, secrets, timeouts, trust, PROBE_AFTER_IDLE);
    }

    /** An account that may sign in with OAuth 2.0: its access tokens come from {@code tokens}. */
    public SmtpTransport(Account account, SecretLookup secrets, AccessTokens tokens, SmtpTimeouts timeouts,
                         ServerTrust trust) {
        this(account, secrets, timeouts, trust, PROBE_AFTER_IDLE);
        this.bearer = new BearerLogin(account, tokens);
    }

    /** As the public constructor, with the idle time after which a kept connection is probed (tests). */
    SmtpTransport(Account account, SecretLookup secrets, SmtpTimeouts timeouts, ServerTrust trust,
                  Duration probeAfterIdle) {
        this.probeAfterIdle = probeAfterIdle;
        this.account = account;
        this.secrets = secrets;
        this.timeouts = timeouts;
        this.trust = trust;
    }

    public Account account() {
        return account;
    }

    @Override
    public synchronized HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        MimeMessage mime = assembler.assembleForSending(message);
        gate.checkNotCancelled();
        SmtpConnection smtp = connected();
        try {
            return send(smtp, message, mime, gate);
        } catch (StaleConnection stale) {
            // The kept connection was reused unprobed and turned out dead before any of the message
            // went: the server has nothing of it, so it goes once more on a fresh connection.
            gate.checkNotCancelled();
            connection = open();
            try {
                return send(connection, message, mime, gate);
            } catch (StaleConnection again) {
                throw again.failure();
            }
        }
    }

    private HandOffReceipt send(SmtpConnection smtp, OutgoingMessage message, MimeMessage mime, HandOffGate gate)
            throws TransferException, StaleConnection {
        boolean keep = false;
        boolean answered = false;
        try {
            List<MailAddress> envelope = MimeAssembler.envelopeRecipients(message.content());
            smtp.needsUtf8(message.content().from().needsUtf8() || envelope.stream().anyMatch(MailAddress::needsUtf8));
            answered = true;
            SmtpExtensions.checkInternationalAddresses(smtp, account, message.content().from(), envelope);
            long size = SmtpExtensions.checkSize(smtp, account, mime);
            SmtpExtensions.prepareEnvelope(smtp, message.options(), size);
            answered = false;
            smtp.beginMessage(gate, size > 0 ? size : MimeAssembler.estimatedSize(message.content()));
            try {
                smtp.sendThroughHandOffGate(mime, internetAddresses(envelope));
            } catch (SMTPSendFailedException partial) {
                if (!smtp.handedOff() || partial.getReturnCode() != 250) {
                    throw partial;
                }
                keep = true;
                List<String> refused = SmtpFailures.notDelivered(partial);
                return new HandOffReceipt(WORDS.get("receipt.partial", SmtpFailures.reply(smtp.getLastServerResponse()),
                        String.join(", ", refused), refused.size()));
            }
            keep = true;
            return new HandOffReceipt(SmtpFailures.reply(smtp.getLastServerResponse()));
        } catch (MessagingException e) {
            TransferException cancel = cancelIn(e, smtp, gate);
            TransferException failure = cancel != null ? cancel
                    : SmtpFailures.sending(e, smtp.endOfDataWritten(), account, timeouts);
            answered = cancel == null && isRefusal(e, smtp);
            if (cancel == null && smtp == reusedUnprobed && !smtp.dataStarted() && SmtpFailures.connectionLost(e)) {
                throw new StaleConnection(failure);
            }
            throw failure;
        } finally {
            if (keep) {
                lastUsedNanos = System.nanoTime();
            } else if (answered) {
                // A refusal (or a check that stopped the message before it began): the session is
                // in a known state, so it ends with QUIT as RFC 5321 asks.
                smtp.quit();
                connection = null;
            } else {
                // A lost connection, a timeout, a cancel in the data: the state is unknown, so the
                // socket is dropped without a word that could be read as part of the message.
                smtp.abort();
                connection = null;
            }
            reusedUnprobed = null;
        }
    }

    /**
     * True when the server answered with a refusal between commands: not a lost connection (no
     * reply, a 421 or a network error), and not in the middle of the message data (where QUIT
     * would be taken as data).
     */
    private static boolean isRefusal(MessagingException e, SmtpConnection smtp) {
        return !SmtpFailures.connectionLost(e) && (!smtp.dataStarted() || smtp.endOfDataWritten());
    }

    /** A kept connection found dead before the message began; carries the failure to report if it recurs. */
    private static final class StaleConnection extends Exception {
        private final TransferException failure;

        StaleConnection(TransferException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }

        TransferException failure() {
            return failure;
        }
    }

    /** A cancel seen while streaming, or one that raced a failure before the hand-off point. */
    private static TransferException cancelIn(MessagingException e, SmtpConnection smtp, HandOffGate gate) {
        GatedOutputStream.CancelledIOException cancelled = SmtpFailures.cause(e, GatedOutputStream.CancelledIOException.class);
        if (cancelled != null) {
            return cancelled.cancel();
        }
        if (!smtp.handedOff()) {
            try {
                gate.checkNotCancelled();
            } catch (TransferCancelledException c) {
                return c;
            }
        }
        return null;
    }

    /**
     * The kept connection, else a new one (connect, TLS, login). One used successfully within
     * {@link #probeAfterIdle} is taken as it is: a server rarely drops a connection within a
     * second of its last reply, and {@link #transfer} resends on a fresh one if it did. One idle
     * longer must still answer RSET.
     */
    private SmtpConnection connected() throws TransferException {
        if (connection != null) {
            long idle = System.nanoTime() - lastUsedNanos;
            if (idle < probeAfterIdle.toNanos()) {
                reusedUnprobed = connection;
                return connection;
            }
            if (idle < MAX_IDLE.toNanos() && stillAnswers(connection)) {
                return connection;
            }
            connection.abort();
            connection = null;
        }
        connection = open();
        return connection;
    }

    private boolean stillAnswers(SmtpConnection smtp) {
        sockets.setReadTimeout(PROBE_TIMEOUT_MILLIS);
        try {
            return smtp.isConnected();
        } finally {
            sockets.setReadTimeout(timeouts.millis(timeouts.command()));
        }
    }

    private SmtpConnection open() throws TransferException {
        char[] secret = account.auth() == AuthMethod.OAUTH2 ? null : secret();
        rejected.set(null);
        // An account that sends unencrypted needs no TLS context: building one loads the system's
        // authorities, about 0.3 s of a cold start.
        SSLContext tls = account.security() == SmtpSecurity.NONE ? null
                : trust.contextFor(account.pinnedCertificate(), rejected);
        Session session = SmtpSessions.forAccount(account, timeouts, tls, sockets);
        SmtpConnection smtp = new SmtpConnection(session, sockets, timeouts);
        try {
            if (account.auth() == AuthMethod.OAUTH2) {
                smtp.connect(account.host(), account.port(), null, null);
                signIn(smtp);
            } else if (secret == null) {
                smtp.connect(account.host(), account.port(), null, null);
            } else {
                smtp.connect(account.host(), account.port(), account.user(), new String(secret));
                requireAuthentication(smtp);
            }
            lastUsedNanos = System.nanoTime();
            return smtp;
        } catch (AuthenticationFailedException e) {
            smtp.quit();
            refusedLogin.remember(secret, SmtpFailures.reply(e.getMessage()));
            throw loginRefused();
        } catch (MessagingException e) {
            smtp.abort();
            throw SmtpFailures.connecting(e, smtp.getLastReturnCode(), smtp.getLastServerResponse(), rejected.get(),
                    account, timeouts);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    private void signIn(SmtpConnection smtp) throws MessagingException, TransferException {
        if (bearer == null) {
            throw new SignInRequiredException(WORDS.get("login.noTokens", account.name()), null);
        }
        try {
            bearer.logIn(smtp);
        } catch (TransferException e) {
            smtp.abort();
            throw e;
        }
    }

    private void requireAuthentication(SmtpConnection smtp) throws PermanentFailureException {
        // Angus skips the login silently when the server offers none; Envoi will not send unauthenticated.
        if (!smtp.supportsExtension("AUTH")) {
            smtp.quit();
            throw new PermanentFailureException(WORDS.get("login.notOffered", SmtpFailures.where(account),
                    account.name()));
        }
    }

    /** The account's secret, or null when it logs in with none; a refused one is not tried again. */
    private char[] secret() throws PermanentFailureException {
        if (account.auth() == AuthMethod.NONE) {
            return null;
        }
        Optional<char[]> found;
        try {
            found = secrets.secretFor(account);
        } catch (CredentialException e) {
            throw new PermanentFailureException(WORDS.get("outcome.notSent", e.getMessage()));
        }
        if (found.isEmpty()) {
            throw new PermanentFailureException(WORDS.get("login.noSecret", secretName(), account.name()));
        }
        char[] secret = found.get();
        if (refusedLogin.isThe(secret)) {
            Arrays.fill(secret, '\0');
            throw loginRefused();
        }
        return secret;
    }

    private PermanentFailureException loginRefused() {
        return new PermanentFailureException(WORDS.get("login.refused", SmtpFailures.where(account), account.user(),
                refusedLogin.serverReply(), secretName(), account.name()));
    }

    private String secretName() {
        return WORDS.get(account.auth() == AuthMethod.XOAUTH2 ? "secret.token" : "secret.password");
    }

    private static InternetAddress[] internetAddresses(List<MailAddress> envelope) throws MessagingException {
        InternetAddress[] result = new InternetAddress[envelope.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new InternetAddress(envelope.get(i).address(), false);
        }
        return result;
    }

    /** The last socket opened, for tests that check its options. */
    java.net.Socket currentSocket() {
        return sockets.current();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (MessagingException e) {
                connection.abort();
            }
            connection = null;
        }
    }
}
