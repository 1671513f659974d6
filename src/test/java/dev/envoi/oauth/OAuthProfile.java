package dev.envoi.oauth;

import static org.junit.jupiter.api.Assertions.fail;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChain;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.OAuthSettings;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A profile with one OAuth account that sends to a loopback SMTP server: the real store, the
 * credential chain (owner-only file, no keyring), the token keeper and the spooler. Retries come
 * quickly (a fifth of a second, then at most a second) so a test sees a message wait, then go.
 */
final class OAuthProfile implements AutoCloseable {

    final Account account;
    final OAuthSettings settings;
    final SqliteMessageStore store;
    final CredentialChain credentials;
    final TokenKeeper tokens;
    private final TestBrowser browser = new TestBrowser();
    private Spooler spooler;

    OAuthProfile(Path profile, AuthorizationServer server, int smtpPort) {
        account = new Account("work", new MailAddress("Émile Envoi", "emile@example.org"), "127.0.0.1", smtpPort,
                SmtpSecurity.NONE, "emile@example.org", AuthMethod.OAUTH2, 0, true, false, false, "", true);
        settings = new OAuthSettings("work", "custom", server.issuer(), "envoi-test-client", AuthorizationServer.SCOPES);
        store = SqliteMessageStore.open(profile);
        store.accounts().put(account);
        store.oauthSettings().put(settings);
        credentials = CredentialChain.forProfile(profile, Map.of("ENVOI_KEYRING", "off"));
        tokens = new TokenKeeper(store.oauthSettings(), credentials, Clock.systemUTC());
    }

    /** Signs in through the test browser; the refresh token goes to the owner-only file. */
    IssuedTokens signIn() throws Exception {
        return new AccountSignIn(Clock.systemUTC(), Duration.ofSeconds(30)).signIn(account, settings,
                credentials.storeFor(CredentialChoice.FILE), page -> {
                    try {
                        browser.visit(page);
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    OAuthProfile startSpooler() {
        spooler = new Spooler(store, new SmtpTransport(account, credentials, tokens, SmtpTimeouts.standard(),
                ServerTrust.system()), store::readAttachment,
                new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(1), 0, new Random(1)), Clock.systemUTC(),
                TransferProgress.NONE);
        spooler.start();
        return this;
    }

    EntryId submit(String subject) {
        return store.submit(Drafts.draft(subject), SubmitOptions.undo(Duration.ZERO).withAccount(Optional.of(account.name())));
    }

    MessageFate await(EntryId id, Predicate<MessageFate> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            MessageFate fate = store.fate(id).orElseThrow();
            if (done.test(fate)) {
                return fate;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return fail("not reached in 30 s: " + store.fate(id));
    }

    @Override
    public void close() {
        if (spooler != null) {
            spooler.close();
        }
        store.close();
    }
}
