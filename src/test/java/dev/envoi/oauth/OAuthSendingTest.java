package dev.envoi.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.message.SignInWait;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.OutboxEntry;
import dev.envoi.transport.FaultSmtpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sending through an OAuth account end to end: a real authorization server, a loopback SMTP
 * server that checks each bearer token's signature and expiry, the real store and spooler.
 */
class OAuthSendingTest {

    @TempDir
    Path profile;
    private AuthorizationServer server;
    private FaultSmtpServer smtp;
    private BearerVerifier verifier;
    private OAuthProfile envoi;
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    private void start(long tokenLifetimeSeconds, String mechanisms) throws Exception {
        server = new AuthorizationServer(tokenLifetimeSeconds);
        verifier = new BearerVerifier(server.jwks());
        smtp = new FaultSmtpServer().requireBearer(mechanisms, verifier);
        envoi = new OAuthProfile(profile, server, smtp.port());
    }

    @AfterEach
    void stop() throws Exception {
        Locale.setDefault(before);
        if (envoi != null) {
            envoi.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static boolean sent(MessageFate fate) {
        return fate.folder() == Folder.SENT;
    }

    private OutboxEntry entry(EntryId id) {
        return envoi.store.outbox().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSignedInAccountSendsWithOAuthBearerWhenOffered() throws Exception {
        start(300, "OAUTHBEARER XOAUTH2");
        envoi.signIn();
        envoi.startSpooler();

        envoi.await(envoi.submit("first"), OAuthSendingTest::sent);

        assertEquals(List.of("OAUTHBEARER"), verifier.mechanisms);
        assertEquals(List.of(true), verifier.verdicts);
        assertEquals(1, smtp.kept().size());
    }

    @Test
    void xoauth2WhenTheServerOffersOnlyIt() throws Exception {
        start(300, "LOGIN XOAUTH2");
        envoi.signIn();
        envoi.startSpooler();

        envoi.await(envoi.submit("first"), OAuthSendingTest::sent);

        assertEquals(List.of("XOAUTH2"), verifier.mechanisms);
        assertEquals(List.of(true), verifier.verdicts);
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeItIsUsed() throws Exception {
        start(2, "OAUTHBEARER");
        envoi.tokens.remember(envoi.account, envoi.signIn());
        envoi.startSpooler();
        envoi.await(envoi.submit("first"), OAuthSendingTest::sent);
        // The next message needs a new login: the server closes the kept connection on the probe.
        smtp.at(FaultSmtpServer.Stage.RSET, new FaultSmtpServer.Close());
        Thread.sleep(2_500);

        envoi.await(envoi.submit("second"), OAuthSendingTest::sent);

        assertEquals(List.of(true, true), verifier.verdicts, "no expired token was ever presented");
        assertEquals(2, verifier.distinctTokens());
        assertTrue(server.refreshes() >= 1);
    }

    @Test
    void aTokenTheServerRefusesIsRefreshedOnceAndTheMessageGoes() throws Exception {
        start(300, "OAUTHBEARER");
        envoi.signIn();
        // As a token the provider revoked early: valid-looking, refused by the mail server.
        envoi.tokens.remember(envoi.account, new IssuedTokens("revoked-early", Instant.now().plusSeconds(3600), null));
        envoi.startSpooler();

        envoi.await(envoi.submit("first"), OAuthSendingTest::sent);

        assertEquals(List.of(false, true), verifier.verdicts);
    }

    @Test
    void anUnreachableAuthorizationServerMakesTheMessageWaitThenItGoes() throws Exception {
        start(300, "OAUTHBEARER");
        envoi.signIn();
        server.stop();
        envoi.startSpooler();

        EntryId id = envoi.submit("while the server is down");
        MessageFate waiting = envoi.await(id, f -> f.state().orElse(null) == OutboxState.RETRYING);
        assertTrue(waiting.reason().contains("could not renew its sign-in now"), waiting.reason());
        assertTrue(!SignInWait.isWaiting(entry(id).dueAt()), "a transient wait, retried on its own");
        server.restart();

        envoi.await(id, OAuthSendingTest::sent);
        assertEquals(1, smtp.kept().size());
    }

    @Test
    void aRevokedGrantHoldsTheMessageForSignInNeverFailedThenItGoesAfterSigningIn() throws Exception {
        start(300, "OAUTHBEARER");
        envoi.signIn();
        server.revokeGrants();
        envoi.store.settings().setRetryLimit(Duration.ofMillis(1));
        envoi.startSpooler();

        EntryId id = envoi.submit("after the revocation");
        MessageFate waiting = envoi.await(id, f -> f.state().orElse(null) == OutboxState.RETRYING);
        assertTrue(waiting.reason().contains("must sign in again"), waiting.reason());
        assertTrue(SignInWait.isWaiting(entry(id).dueAt()));
        Thread.sleep(1_500);
        assertEquals(OutboxState.RETRYING, envoi.store.fate(id).orElseThrow().state().orElseThrow(),
                "past the retry limit, still waiting: never FAILED for a sign-in");
        assertEquals(0, smtp.kept().size());

        envoi.signIn();
        assertEquals(0, envoi.store.resumeSignInWaits("another"), "another account's sign-in resumes none of its messages");
        assertEquals(1, envoi.store.resumeSignInWaits(envoi.account.name()));

        envoi.await(id, OAuthSendingTest::sent);
        assertEquals(1, smtp.kept().size());
    }
}
