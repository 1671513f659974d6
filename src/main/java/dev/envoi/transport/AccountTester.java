package dev.envoi.transport;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * "Test connection": connects, negotiates TLS and logs in, one step at a time, and says which step
 * failed and why. It sends no message. Used by `envoi account test` and the Accounts dialog.
 */
public final class AccountTester {

    /** The steps, in order; a step runs only when the ones before it worked. */
    public enum Step { CONNECT, TLS, LOGIN }

    /** One step's outcome; {@code ok} with a detail such as the TLS version, or the reason it failed. */
    public record StepResult(Step step, boolean ok, String detail) {
    }

    /** All steps run, in order. */
    public record Report(List<StepResult> steps) {
        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }

        public Optional<StepResult> failure() {
            return steps.stream().filter(s -> !s.ok()).findFirst();
        }
    }

    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;

    public AccountTester(SmtpTimeouts timeouts, ServerTrust trust) {
        this.timeouts = timeouts;
        this.trust = trust;
    }

    public Report test(Account account, SecretLookup secrets) {
        List<StepResult> steps = new ArrayList<>();
        StepResult connect = connect(account);
        steps.add(connect);
        if (connect.ok()) {
            StepResult tls = tls(account);
            steps.add(tls);
            if (tls.ok()) {
                steps.add(login(account, secrets));
            }
        }
        return new Report(List.copyOf(steps));
    }

    private StepResult connect(Account account) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(account.host(), account.port()), timeouts.millis(timeouts.connect()));
            return new StepResult(Step.CONNECT, true, "reached " + SmtpFailures.where(account) + " ("
                    + socket.getInetAddress().getHostAddress() + ")");
        } catch (IOException e) {
            return new StepResult(Step.CONNECT, false, SmtpFailures.networkProblem(e, account, timeouts));
        }
    }

    /** Greeting, EHLO and TLS, without logging in. */
    private StepResult tls(Account account) {
        SocketTracker sockets = new SocketTracker();
        AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
        Session session = SmtpSessions.forAccount(account, timeouts, trust.contextFor(account.pinnedCertificate(), rejected),
                sockets);
        session.getProperties().setProperty("mail.smtp.auth", "false");
        SmtpConnection smtp = new SmtpConnection(session, sockets, timeouts);
        try {
            smtp.connect(account.host(), account.port(), null, null);
            if (account.security() == SmtpSecurity.NONE) {
                return new StepResult(Step.TLS, true, "not used: account " + account.name() + " sends unencrypted");
            }
            return new StepResult(Step.TLS, true, describe(sockets.tlsSession()));
        } catch (MessagingException e) {
            TransferException failure = SmtpFailures.connecting(e, smtp.getLastReturnCode(), smtp.getLastServerResponse(),
                    rejected.get(), account, timeouts);
            return new StepResult(Step.TLS, false, withoutOutboxWords(failure.getMessage()));
        } finally {
            smtp.abort();
        }
    }

    private StepResult login(Account account, SecretLookup secrets) {
        if (account.auth() == AuthMethod.NONE) {
            return new StepResult(Step.LOGIN, true, "not used: account " + account.name() + " does not log in");
        }
        char[] secret;
        try {
            Optional<char[]> found = secrets.secretFor(account);
            if (found.isEmpty()) {
                return new StepResult(Step.LOGIN, false, "no password or token is known for account " + account.name());
            }
            secret = found.get();
        } catch (CredentialException e) {
            return new StepResult(Step.LOGIN, false, e.getMessage());
        }
        SocketTracker sockets = new SocketTracker();
        Session session = SmtpSessions.forAccount(account, timeouts,
                trust.contextFor(account.pinnedCertificate(), new AtomicReference<>()), sockets);
        SmtpConnection smtp = new SmtpConnection(session, sockets, timeouts);
        try {
            smtp.connect(account.host(), account.port(), account.user(), new String(secret));
            if (!smtp.supportsExtension("AUTH")) {
                return new StepResult(Step.LOGIN, false, SmtpFailures.where(account) + " offers no login (AUTH) here; "
                        + "check the port and security settings");
            }
            return new StepResult(Step.LOGIN, true, "logged in as " + account.user());
        } catch (AuthenticationFailedException e) {
            return new StepResult(Step.LOGIN, false, "the server refused the login of " + account.user() + ": "
                    + SmtpFailures.reply(e.getMessage()));
        } catch (MessagingException e) {
            return new StepResult(Step.LOGIN, false, "logging in failed: " + SmtpFailures.rootMessage(e));
        } finally {
            Arrays.fill(secret, '\0');
            smtp.abort();
        }
    }

    private static String describe(Optional<SSLSession> session) {
        if (session.isEmpty()) {
            return "encrypted";
        }
        SSLSession s = session.get();
        String certificate = "";
        try {
            Certificate[] chain = s.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                certificate = ", certificate " + x509.getSubjectX500Principal().getName() + " (SHA-256 "
                        + CertificateFingerprint.sha256(x509) + ")";
            }
        } catch (SSLPeerUnverifiedException e) {
            certificate = "";
        }
        return s.getProtocol() + ", " + s.getCipherSuite() + certificate;
    }

    /** A connection failure's text, without the outbox advice meant for a message. */
    private static String withoutOutboxWords(String text) {
        return text.replace("Not sent: ", "").replace(" The message stays in the outbox and will be tried again.", "")
                .replace(" (a temporary refusal; the message stays in the outbox and will be tried again)", "");
    }
}
