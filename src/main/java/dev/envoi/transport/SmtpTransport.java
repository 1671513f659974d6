package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.SecretLookup;
import dev.envoi.message.ByteSizes;
import dev.envoi.message.MailAddress;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends an account's mail through its SMTP server with Angus. One connection is kept for
 * consecutive messages (checked with RSET before each reuse, reopened if dead). The hand-off
 * point is just before the end-of-data marker ({@link SmtpConnection}). A refused login blocks the
 * account, without another try, until its settings or its password change.
 */
public final class SmtpTransport implements Transport {

    /** A kept connection idle longer than this is reopened rather than probed (servers drop idle ones). */
    private static final Duration MAX_IDLE = Duration.ofMinutes(2);
    private static final int PROBE_TIMEOUT_MILLIS = 15_000;

    private final Account account;
    private final SecretLookup secrets;
    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;
    private final MimeAssembler assembler = new MimeAssembler();
    private final AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
    private final SocketTracker sockets = new SocketTracker();
    private SmtpConnection connection;
    private long lastUsedNanos;
    private byte[] refusedSecret;
    private String refusedLogin;

    public SmtpTransport(Account account, SecretLookup secrets, SmtpTimeouts timeouts, ServerTrust trust) {
        this.account = account;
        this.secrets = secrets;
        this.timeouts = timeouts;
        this.trust = trust;
    }

    public Account account() {
        return account;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public synchronized HandOffReceipt transfer(OutgoingMessage message, HandOffGate gate) throws TransferException {
        MimeMessage mime = assembler.assembleForSending(message);
        gate.checkNotCancelled();
        SmtpConnection smtp = connected();
        boolean keep = false;
        try {
            List<MailAddress> envelope = MimeAssembler.envelopeRecipients(message.content());
            checkInternationalAddresses(smtp, message.content().from(), envelope);
            long size = checkSize(smtp, mime);
            prepareEnvelope(smtp, message.options(), size);
            smtp.beginMessage(gate, size > 0 ? size : MimeAssembler.estimatedSize(message.content()));
            try {
                smtp.sendMessage(mime, internetAddresses(envelope));
            } catch (SMTPSendFailedException partial) {
                if (!smtp.handedOff() || partial.getReturnCode() != 250) {
                    throw partial;
                }
                keep = true;
                return new HandOffReceipt(SmtpFailures.reply(smtp.getLastServerResponse()) + " (not delivered to "
                        + String.join(", ", SmtpFailures.notDelivered(partial)) + ": the server refused them)");
            }
            keep = true;
            return new HandOffReceipt(SmtpFailures.reply(smtp.getLastServerResponse()));
        } catch (MessagingException e) {
            TransferException cancel = cancelIn(e, smtp, gate);
            throw cancel != null ? cancel : SmtpFailures.sending(e, smtp.endOfDataWritten(), account, timeouts);
        } finally {
            if (keep) {
                lastUsedNanos = System.nanoTime();
            } else {
                // After any failure the connection's state is unknown: drop it, never QUIT politely.
                smtp.abort();
                connection = null;
            }
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

    /** The kept connection if it still answers RSET, else a new one (connect, TLS, login). */
    private SmtpConnection connected() throws TransferException {
        if (connection != null) {
            boolean fresh = System.nanoTime() - lastUsedNanos < MAX_IDLE.toNanos();
            if (fresh && stillAnswers(connection)) {
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
        char[] secret = secret();
        rejected.set(null);
        SSLContext tls = trust.contextFor(account.pinnedCertificate(), rejected);
        Session session = SmtpSessions.forAccount(account, timeouts, tls, sockets);
        SmtpConnection smtp = new SmtpConnection(session, sockets, timeouts);
        try {
            if (secret == null) {
                smtp.connect(account.host(), account.port(), null, null);
            } else {
                smtp.connect(account.host(), account.port(), account.user(), new String(secret));
                requireAuthentication(smtp);
            }
            lastUsedNanos = System.nanoTime();
            return smtp;
        } catch (AuthenticationFailedException e) {
            smtp.abort();
            refusedSecret = digest(secret);
            refusedLogin = SmtpFailures.reply(e.getMessage());
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

    private void requireAuthentication(SmtpConnection smtp) throws PermanentFailureException {
        // Angus skips the login silently when the server offers none; Envoi will not send unauthenticated.
        if (!smtp.supportsExtension("AUTH")) {
            smtp.abort();
            throw new PermanentFailureException("Not sent: " + SmtpFailures.where(account) + " offers no login (AUTH), "
                    + "but account " + account.name() + " is set to log in. Check its port and security settings.",
                    List.of(), null);
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
            throw new PermanentFailureException("Not sent: " + e.getMessage(), List.of(), null);
        }
        if (found.isEmpty()) {
            throw new PermanentFailureException("Not sent: no " + secretName() + " is known for account "
                    + account.name() + " in this session. Run `envoi account test " + account.name()
                    + "` to give it, or set ENVOI_SMTP_PASSWORD.", List.of(), null);
        }
        char[] secret = found.get();
        if (refusedSecret != null && MessageDigest.isEqual(refusedSecret, digest(secret))) {
            Arrays.fill(secret, '\0');
            throw loginRefused();
        }
        return secret;
    }

    private PermanentFailureException loginRefused() {
        return new PermanentFailureException("Not sent: " + SmtpFailures.where(account) + " refused the login of "
                + account.user() + " (" + refusedLogin + "). Envoi will not try this " + secretName() + " again, so "
                + "the server does not lock the account; correct it in the settings of account " + account.name()
                + ".", List.of(), null);
    }

    private String secretName() {
        return account.auth() == AuthMethod.XOAUTH2 ? "OAuth2 token" : "password";
    }

    /** A digest, so a refused secret can be recognised without keeping it. */
    private static byte[] digest(char[] secret) {
        try {
            var bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw);
            Arrays.fill(raw, (byte) 0);
            return hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkInternationalAddresses(SmtpConnection smtp, MailAddress from, List<MailAddress> envelope)
            throws PermanentFailureException {
        if (smtp.supportsExtension("SMTPUTF8")) {
            return;
        }
        List<MailAddress> international = envelope.stream().filter(MailAddress::needsUtf8).toList();
        if (from.needsUtf8() || !international.isEmpty()) {
            List<String> names = new ArrayList<>();
            if (from.needsUtf8()) {
                names.add(from.address() + " (the sender)");
            }
            international.forEach(a -> names.add(a.address()));
            throw new PermanentFailureException("Not sent: " + String.join(", ", names) + " "
                    + (names.size() == 1 ? "is an internationalised address" : "are internationalised addresses")
                    + ", which need SMTPUTF8, and " + SmtpFailures.where(account) + " does not offer it. Use an "
                    + "ASCII address for " + (names.size() == 1 ? "it" : "them") + ", or another account.",
                    international, null);
        }
    }

    /**
     * The server's SIZE limit (RFC 1870) and the account's own are checked before any data is sent.
     * The exact size is counted only when there is a limit (counting reads every attachment once).
     *
     * @return the counted size, or 0 when there was no limit to count for
     */
    private long checkSize(SmtpConnection smtp, MimeMessage mime) throws TransferException {
        long serverLimit = serverSizeLimit(smtp);
        long accountLimit = account.sizeLimit();
        if (serverLimit <= 0 && accountLimit <= 0) {
            return 0;
        }
        long size = countBytes(mime);
        if (serverLimit > 0 && size > serverLimit) {
            throw new PermanentFailureException("Not sent: the message is " + describeSize(size) + " but "
                    + SmtpFailures.where(account) + " accepts at most " + describeSize(serverLimit)
                    + ". Send large files another way, or remove some attachments.", List.of(), null);
        }
        if (accountLimit > 0 && size > accountLimit) {
            throw new PermanentFailureException("Not sent: the message is " + describeSize(size)
                    + " but account " + account.name() + " is set to send at most " + describeSize(accountLimit)
                    + ".", List.of(), null);
        }
        return size;
    }

    private static long serverSizeLimit(SmtpConnection smtp) {
        if (!smtp.supportsExtension("SIZE")) {
            return 0;
        }
        String value = smtp.getExtensionParameter("SIZE");
        try {
            return value == null || value.isBlank() ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String describeSize(long bytes) {
        return ByteSizes.human(bytes) + " (" + bytes + " bytes)";
    }

    private static long countBytes(MimeMessage mime) throws TransferException {
        CountingStream counter = new CountingStream();
        try {
            mime.writeTo(counter);
            return counter.count;
        } catch (IOException | MessagingException e) {
            throw new TransientFailureException("Could not read the message to measure it: "
                    + SmtpFailures.rootMessage(e), e);
        }
    }

    /** RFC 3461 options and the declared size go into MAIL FROM and RCPT TO through session properties. */
    private static void prepareEnvelope(SmtpConnection smtp, DeliveryOptions options, long size) {
        var properties = smtp.session().getProperties();
        setOrRemove(properties, "mail.smtp.dsn.notify", options.notifyParameter());
        setOrRemove(properties, "mail.smtp.dsn.ret", options.returnParameter());
        List<String> parameters = new ArrayList<>();
        if (size > 0 && smtp.supportsExtension("SIZE")) {
            parameters.add("SIZE=" + size);
        }
        if (smtp.supportsExtension("8BITMIME")) {
            // Angus turns text parts into 8bit when the server offers 8BITMIME but does not say so
            // in MAIL FROM, which RFC 6152 requires.
            parameters.add("BODY=8BITMIME");
        }
        setOrRemove(properties, "mail.smtp.mailextension", parameters.isEmpty() ? null : String.join(" ", parameters));
    }

    private static void setOrRemove(java.util.Properties properties, String key, String value) {
        if (value == null) {
            properties.remove(key);
        } else {
            properties.setProperty(key, value);
        }
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

    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
