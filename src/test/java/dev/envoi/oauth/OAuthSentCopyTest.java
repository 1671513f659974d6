package dev.envoi.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.EntryId;
import dev.envoi.spool.AccountRouter;
import dev.envoi.spool.AccountSentFolders;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.SentCopier;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.SentCopyState;
import dev.envoi.transport.FaultSmtpServer;
import dev.envoi.transport.ImapFront;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sent copy of an OAuth 2.0 account, end to end: a real authorization server, SMTP and IMAP
 * fronts that each check the bearer token's signature and expiry, GreenMail's IMAP behind, the
 * real store, spooler and copier. The IMAP server gets an access token, never the refresh token.
 */
@Timeout(90)
class OAuthSentCopyTest {

    private static final String BACKEND_PASSWORD = "greenmail-only";

    @TempDir
    Path profile;
    private final Locale before = Locale.getDefault();
    private AuthorizationServer server;
    private FaultSmtpServer smtp;
    private GreenMail mail;
    private ImapFront imap;
    private OAuthProfile envoi;
    private SentCopier copier;
    private Spooler spooler;

    @AfterEach
    void stop() throws Exception {
        Locale.setDefault(before);
        if (copier != null) {
            copier.close();
        }
        if (spooler != null) {
            spooler.close();
        }
        if (envoi != null) {
            envoi.close();
        }
        if (imap != null) {
            imap.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCopyLogsInWithAnAccessTokenAndTheRefreshTokenNeverReachesTheImapServer() throws Exception {
        BearerVerifier imapCheck = start(null);
        IssuedTokens issued = envoi.signIn();
        startWorkers();

        EntryId id = envoi.submit("filed with a bearer");
        awaitCopy(id);

        assertEquals(SentCopyState.DONE, envoi.store.sentCopies().stateOf(id),
                () -> "copy: " + envoi.store.sentCopies().unfinished() + ", the IMAP front heard " + imap.clientLines());
        assertEquals(1, sentCount(), "the copy is filed once");
        assertEquals(java.util.List.of("XOAUTH2"), imapCheck.mechanisms.stream().distinct().toList());
        assertTrue(imapCheck.verdicts.contains(true), "a valid access token logged in");
        String refreshToken = envoi.credentials.secretFor(envoi.account).map(String::new).orElseThrow();
        assertFalse(refreshToken.isEmpty());
        assertEquals(issued.refreshToken(), refreshToken);
        for (String line : imap.clientLines()) {
            assertFalse(line.contains(refreshToken), "the refresh token reached the IMAP server: " + line);
        }
        assertTrue(imap.clientLines().stream().noneMatch(l -> l.toUpperCase(Locale.ROOT).contains(" LOGIN ")),
                "no plain LOGIN: " + imap.clientLines());
    }

    @Test
    void aTokenTheImapServerRefusesIsRefreshedOnceAndTheCopyIsFiled() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        // The first token is refused, as by a server that revoked it early; a fresh one is taken.
        BearerVerifier imapCheck = start((mechanism, token) -> asked.incrementAndGet() > 1);
        envoi.signIn();
        startWorkers();

        EntryId id = envoi.submit("filed after a refresh");
        awaitCopy(id);

        assertEquals(SentCopyState.DONE, envoi.store.sentCopies().stateOf(id),
                () -> "copy: " + envoi.store.sentCopies().unfinished());
        assertEquals(1, sentCount());
        assertEquals(2, imapCheck.tokens.size(), "one refused, one fresh: " + imapCheck.verdicts);
        assertEquals(2, imapCheck.distinctTokens(), "the second try has a fresh token");
    }

    @Test
    void anImapUserGivenGoesInXoauth2WithTheSameAccessToken() throws Exception {
        start(null);
        // A shared mailbox: its name is the IMAP login, the signed-in user's token opens it.
        envoi.store.imapSettings().put("work", new ImapSettings(new ImapServer("127.0.0.1", imap.port(),
                SmtpSecurity.NONE, "shared@example.org"), true, ""));
        envoi.signIn();
        startWorkers();

        EntryId id = envoi.submit("filed in the shared mailbox");
        awaitCopy(id);

        assertEquals(SentCopyState.DONE, envoi.store.sentCopies().stateOf(id),
                () -> "copy: " + envoi.store.sentCopies().unfinished() + ", the IMAP front heard " + imap.clientLines());
        assertTrue(imap.clientLines().stream().anyMatch(l -> l.startsWith("user=shared@example.org\u0001auth=Bearer ")),
                "XOAUTH2 names the IMAP user: " + imap.clientLines());
        assertTrue(imap.clientLines().stream().noneMatch(l -> l.startsWith("user=" + envoi.account.user() + "\u0001")),
                imap.clientLines().toString());
    }

    /** Servers and profile; {@code accept} (may be null) has a say too in whether the IMAP front takes a token. */
    private BearerVerifier start(BiPredicate<String, String> accept) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        server = new AuthorizationServer(300);
        BearerVerifier smtpCheck = new BearerVerifier(server.jwks());
        BearerVerifier imapCheck = new BearerVerifier(server.jwks());
        smtp = new FaultSmtpServer().requireBearer("XOAUTH2", smtpCheck);
        mail = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.IMAP}));
        mail.start();
        mail.setUser("emile@example.org", "emile@example.org", BACKEND_PASSWORD);
        BiPredicate<String, String> check = accept == null ? imapCheck
                : (mechanism, token) -> imapCheck.test(mechanism, token) && accept.test(mechanism, token);
        imap = new ImapFront(mail.getImap().getPort()).requireBearer(check, "emile@example.org", BACKEND_PASSWORD);
        envoi = new OAuthProfile(profile, server, smtp.port());
        envoi.store.imapSettings().put("work",
                new ImapSettings(new ImapServer("127.0.0.1", imap.port(), SmtpSecurity.NONE), true, ""));
        return imapCheck;
    }

    /** The spooler routed by account, as the profile's is (the route names whose copy is asked for), and the copier. */
    private void startWorkers() {
        spooler = new Spooler(envoi.store, new AccountRouter(envoi.store.accounts(),
                account -> new SmtpTransport(account, envoi.credentials, envoi.tokens, SmtpTimeouts.standard(),
                        ServerTrust.system()), () -> {
                    throw new IllegalStateException("no pickup folder here");
                }), envoi.store::readAttachment, RetryPolicy.standard(), Clock.systemUTC(), TransferProgress.NONE);
        spooler.start();
        copier = new SentCopier(envoi.store.sentCopies(), new AccountSentFolders(envoi.store.accounts(),
                envoi.store.imapSettings(), envoi.credentials, envoi.tokens, SmtpTimeouts.standard(),
                ServerTrust.system()), envoi.store::readAttachment,
                new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(300), 0, new Random(1)), Clock.systemUTC());
        copier.start(envoi.store::subscribe);
    }

    private void awaitCopy(EntryId id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!done(id) && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
    }

    private boolean done(EntryId id) {
        SentCopyState state = envoi.store.sentCopies().stateOf(id);
        return state == SentCopyState.DONE || state == SentCopyState.FAILED;
    }

    private int sentCount() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.timeout", "10000");
        try (Store reader = Session.getInstance(properties).getStore("imap")) {
            reader.connect("127.0.0.1", mail.getImap().getPort(), "emile@example.org", BACKEND_PASSWORD);
            jakarta.mail.Folder folder = reader.getFolder("Sent");
            return folder.exists() ? folder.getMessageCount() : 0;
        }
    }
}
