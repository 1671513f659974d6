package dev.envoi.transport;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.i18n.Sentences;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Sentences WORDS = Sentences.of(AccountTester.class);

    /** The steps, in order; a step runs only when the ones before it worked. */
    public enum Step { CONNECT, TLS, LOGIN }

    /**
     * One step's outcome; {@code ok} with a detail such as the TLS version, or the reason it failed.
     * A step the account does not use (TLS for an unencrypted account, login for one without) is
     * not {@code performed}: it did not fail, and it did not succeed either.
     */
    public record StepResult(Step step, boolean ok, boolean performed, String detail) {
        public StepResult(Step step, boolean ok, String detail) {
            this(step, ok, true, detail);
        }

        static StepResult unused(Step step, String detail) {
            return new StepResult(step, true, false, detail);
        }
    }

    /** All steps run, in order, and the server's certificate if TLS failed because it was refused. */
    public record Report(List<StepResult> steps, Optional<RejectedCertificate> refusedCertificate) {

        public Report(List<StepResult> steps) {
            this(steps, Optional.empty());
        }

        public boolean ok() {
            return steps.stream().allMatch(StepResult::ok);
        }

        /** The steps that were really tried, so a verdict claims nothing that was not done. */
        public List<Step> performed() {
            return steps.stream().filter(StepResult::performed).map(StepResult::step).toList();
        }

        public Optional<StepResult> failure() {
            return steps.stream().filter(s -> !s.ok()).findFirst();
        }
    }

    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;
    private final AccessTokens tokens;

    public AccountTester(SmtpTimeouts timeouts, ServerTrust trust) {
        this(timeouts, trust, null);
    }

    /** A tester that can also log an OAuth 2.0 account in, with tokens from {@code tokens}. */
    public AccountTester(SmtpTimeouts timeouts, ServerTrust trust, AccessTokens tokens) {
        this.timeouts = timeouts;
        this.trust = trust;
        this.tokens = tokens;
    }

    public Report test(Account account, SecretLookup secrets) {
        if (account.usesSendmail()) {
            Path program = Path.of(account.sendmailProgram());
            boolean runnable = Files.isExecutable(program) && !Files.isDirectory(program);
            return new Report(List.of(new StepResult(Step.CONNECT, runnable,
                    WORDS.get(runnable ? "test.sendmailReady" : "test.sendmailMissing", program))));
        }
        List<StepResult> steps = new ArrayList<>();
        AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
        StepResult connect = connect(account);
        steps.add(connect);
        if (connect.ok()) {
            StepResult tls = tls(account, rejected);
            steps.add(tls);
            if (tls.ok()) {
                steps.add(login(account, secrets));
            }
        }
        return new Report(List.copyOf(steps), Optional.ofNullable(rejected.get()));
    }

    private StepResult connect(Account account) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(account.host(), account.port()), timeouts.millis(timeouts.connect()));
            return new StepResult(Step.CONNECT, true, WORDS.get("test.reached", SmtpFailures.where(account),
                    socket.getInetAddress().getHostAddress()));
        } catch (IOException e) {
            return new StepResult(Step.CONNECT, false, SmtpFailures.networkProblem(e, account, timeouts));
        }
    }

    /** Greeting, EHLO and TLS, without logging in. */
    private StepResult tls(Account account, AtomicReference<RejectedCertificate> rejected) {
        SocketTracker sockets = new SocketTracker();
        Session session = SmtpSessions.forAccount(account, timeouts, trust.contextFor(account.pinnedCertificate(), rejected),
                sockets);
        session.getProperties().setProperty("mail.smtp.auth", "false");
        SmtpConnection smtp = new SmtpConnection(session, sockets, timeouts);
        try {
            smtp.connect(account.host(), account.port(), null, null);
            StepResult result = account.security() == SmtpSecurity.NONE
                    ? StepResult.unused(Step.TLS, WORDS.get("test.tlsUnused", account.name()))
                    : new StepResult(Step.TLS, true, describe(sockets.tlsSession()));
            smtp.quit();
            return result;
        } catch (MessagingException e) {
            // The problem alone: what would happen to a queued message does not apply to a test.
            SmtpFailures.ConnectProblem problem = SmtpFailures.connectProblem(e, smtp.getLastReturnCode(),
                    smtp.getLastServerResponse(), rejected.get(), account, timeouts);
            return new StepResult(Step.TLS, false, problem.text());
        } finally {
            smtp.abort();
        }
    }

    private StepResult login(Account account, SecretLookup secrets) {
        if (account.auth() == AuthMethod.NONE) {
            return StepResult.unused(Step.LOGIN, WORDS.get("test.loginUnused", account.name()));
        }
        if (account.auth() == AuthMethod.OAUTH2) {
            return bearerLogin(account);
        }
        char[] secret;
        try {
            Optional<char[]> found = secrets.secretFor(account);
            if (found.isEmpty()) {
                return new StepResult(Step.LOGIN, false, WORDS.get("test.noSecret", account.name()));
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
                return new StepResult(Step.LOGIN, false, WORDS.get("test.noAuth", SmtpFailures.where(account)));
            }
            smtp.quit();
            return new StepResult(Step.LOGIN, true, WORDS.get("test.loggedIn", account.user()));
        } catch (AuthenticationFailedException e) {
            smtp.quit();
            return new StepResult(Step.LOGIN, false, WORDS.get("test.loginRefused", account.user(),
                    SmtpFailures.reply(e.getMessage())));
        } catch (MessagingException e) {
            return new StepResult(Step.LOGIN, false, WORDS.get("test.loginFailed", SmtpFailures.rootMessage(e)));
        } finally {
            Arrays.fill(secret, '\0');
            smtp.abort();
        }
    }

    /** The OAuth 2.0 login a message would do; never with the refresh token itself. */
    private StepResult bearerLogin(Account account) {
        if (tokens == null) {
            return new StepResult(Step.LOGIN, false, WORDS.get("test.oauthElsewhere", account.name()));
        }
        SocketTracker sockets = new SocketTracker();
        Session session = SmtpSessions.forAccount(account, timeouts,
                trust.contextFor(account.pinnedCertificate(), new AtomicReference<>()), sockets);
        SmtpConnection smtp = new SmtpConnection(session, sockets, timeouts);
        try {
            smtp.connect(account.host(), account.port(), null, null);
            new BearerLogin(account, tokens).logIn(smtp);
            return new StepResult(Step.LOGIN, true, WORDS.get("test.loggedIn", account.user()));
        } catch (TransferException e) {
            return new StepResult(Step.LOGIN, false, e.getMessage());
        } catch (MessagingException e) {
            return new StepResult(Step.LOGIN, false, WORDS.get("test.loginFailed", SmtpFailures.rootMessage(e)));
        } finally {
            smtp.abort();
        }
    }

    static String describe(Optional<SSLSession> session) {
        if (session.isEmpty()) {
            return WORDS.get("test.encrypted");
        }
        SSLSession s = session.get();
        try {
            Certificate[] chain = s.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x509) {
                return WORDS.get("test.tlsWithCertificate", s.getProtocol(), s.getCipherSuite(),
                        x509.getSubjectX500Principal().getName(), CertificateFingerprint.sha256(x509));
            }
        } catch (SSLPeerUnverifiedException e) {
            // Said without the certificate.
        }
        return WORDS.get("test.tls", s.getProtocol(), s.getCipherSuite());
    }
}
