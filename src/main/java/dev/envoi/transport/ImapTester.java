package dev.envoi.transport;

import dev.envoi.account.AccessTokens;
import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialException;
import dev.envoi.account.ImapServer;
import dev.envoi.account.SecretLookup;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.i18n.Sentences;
import dev.envoi.transport.AccountTester.Report;
import dev.envoi.transport.AccountTester.Step;
import dev.envoi.transport.AccountTester.StepResult;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/**
 * "Test connection" for an account's IMAP server, where its Sent copies go: connect, TLS, login,
 * as the copy logs in (an OAuth 2.0 account with an access token, never its refresh token). Angus
 * negotiates TLS and logs in on one connection, so the TLS step is judged from what that
 * connection reached: encrypted before a refused login means TLS worked.
 */
public final class ImapTester {

    private static final Sentences WORDS = Sentences.of(ImapTester.class);

    private final SmtpTimeouts timeouts;
    private final ServerTrust trust;
    private final AccessTokens tokens;

    /** {@code tokens} may be null when this process cannot sign OAuth 2.0 accounts in. */
    public ImapTester(SmtpTimeouts timeouts, ServerTrust trust, AccessTokens tokens) {
        this.timeouts = timeouts;
        this.trust = trust;
        this.tokens = tokens;
    }

    public Report test(Account account, ImapServer server, SecretLookup secrets) {
        List<StepResult> steps = new ArrayList<>();
        StepResult connect = connect(server);
        steps.add(connect);
        AtomicReference<RejectedCertificate> rejected = new AtomicReference<>();
        if (connect.ok()) {
            steps.addAll(tlsAndLogin(account, server, secrets, rejected));
        }
        return new Report(List.copyOf(steps), Optional.ofNullable(rejected.get()));
    }

    private StepResult connect(ImapServer server) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), timeouts.millis(timeouts.connect()));
            return new StepResult(Step.CONNECT, true, WORDS.get("test.reached", where(server),
                    socket.getInetAddress().getHostAddress()));
        } catch (IOException e) {
            return new StepResult(Step.CONNECT, false,
                    SmtpFailures.networkProblem(e, server.host(), server.port(), timeouts));
        }
    }

    private List<StepResult> tlsAndLogin(Account account, ImapServer server, SecretLookup secrets,
                                         AtomicReference<RejectedCertificate> rejected) {
        if (account.auth() == AuthMethod.NONE) {
            return List.of(StepResult.unused(Step.LOGIN, WORDS.get("test.imapNoLogin", account.name())));
        }
        char[] secret;
        try {
            secret = secret(account, secrets);
        } catch (CredentialException e) {
            return List.of(new StepResult(Step.LOGIN, false, ImapSentCopy.oneLine(e.getMessage())));
        }
        boolean plain = server.security() == SmtpSecurity.NONE;
        SSLContext tls = plain ? null : trust.contextFor(account.pinnedCertificate(), rejected);
        SocketTracker sockets = new SocketTracker();
        Session session = ImapSessions.forServer(server, account.auth(), timeouts, tls, sockets);
        Store store = null;
        try {
            store = session.getStore(ImapSessions.protocol(server));
            store.connect(server.host(), server.port(), server.loginFor(account), new String(secret));
            return List.of(tlsStep(account, plain, sockets),
                    new StepResult(Step.LOGIN, true, WORDS.get("test.imapLoggedIn", server.loginFor(account))));
        } catch (AuthenticationFailedException e) {
            return List.of(tlsStep(account, plain, sockets), new StepResult(Step.LOGIN, false,
                    WORDS.get("test.imapLoginRefused", server.loginFor(account), ImapSentCopy.oneLine(e.getMessage()))));
        } catch (MessagingException e) {
            RejectedCertificate refused = rejected.get();
            if (refused != null) {
                return List.of(new StepResult(Step.TLS, false,
                        WORDS.get("test.imapCertificate", where(server), refused.subject(), refused.sha256())));
            }
            String why = ImapSentCopy.oneLine(SmtpFailures.rootMessage(e));
            if (!plain && sockets.tlsSession().isEmpty()) {
                return List.of(new StepResult(Step.TLS, false, WORDS.get("test.imapTlsFailed", where(server), why)));
            }
            return List.of(tlsStep(account, plain, sockets),
                    new StepResult(Step.LOGIN, false, WORDS.get("test.imapLoginFailed", why)));
        } finally {
            Arrays.fill(secret, '\0');
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException e) {
                    // The verdict is made; a failed LOGOUT changes nothing.
                }
            }
        }
    }

    private static StepResult tlsStep(Account account, boolean plain, SocketTracker sockets) {
        return plain ? StepResult.unused(Step.TLS, WORDS.get("test.imapTlsUnused", account.name()))
                : new StepResult(Step.TLS, true, AccountTester.describe(sockets.tlsSession()));
    }

    /** The password, or for an OAuth 2.0 account an access token: what the copy would log in with. */
    private char[] secret(Account account, SecretLookup secrets) throws CredentialException {
        if (account.auth() == AuthMethod.OAUTH2) {
            if (tokens == null) {
                throw new CredentialException(WORDS.get("test.oauthElsewhere", account.name()));
            }
            return tokens.accessToken(account);
        }
        return secrets.secretFor(account)
                .orElseThrow(() -> new CredentialException(WORDS.get("test.noSecret", account.name())));
    }

    private static String where(ImapServer server) {
        return server.host() + ":" + server.port();
    }
}
