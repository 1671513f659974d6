package dev.envoi.app.wiring;

import dev.envoi.account.CredentialChain;
import dev.envoi.app.cli.UsageException;
import dev.envoi.oauth.TokenKeeper;
import dev.envoi.log.ProfileLog;
import dev.envoi.spool.AccountRouter;
import dev.envoi.spool.AccountSentFolders;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.SentCopier;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.SpoolerLock;
import dev.envoi.spool.TransferProgress;
import dev.envoi.spool.TransportRouter;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.transport.PickupFolderTransport;
import dev.envoi.transport.SendmailTransport;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of one profile: the store, the credentials, and, if this process may run
 * it, the spooler with its transports (an account's SMTP server, or the pickup folder when the
 * profile has no account). Closing it stops the spooler (a transfer under way finishes) and the store.
 */
public final class ProfileServices implements AutoCloseable {

    public static final String PICKUP_FOLDER = "pickup";
    /** SMTP timeouts in seconds, e.g. "connect=30,command=300,write=180,end=600" (RFC 5321's by default). */
    public static final String TIMEOUTS_VARIABLE = "ENVOI_SMTP_TIMEOUTS";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileServices.class);

    private final Path profile;
    private final SqliteMessageStore store;
    private final CredentialChain credentials;
    private final SmtpTimeouts timeouts;
    private final TokenKeeper tokens;
    // Opened once the store is: the profile folder exists then, made owner-only by the store.
    private final ProfileLog log;
    private SpoolerLock lock;
    private Spooler spooler;
    private boolean spoolerStarted;
    private boolean closed;
    private SentCopier copier;

    private ProfileServices(Path profile, SqliteMessageStore store, CredentialChain credentials, SmtpTimeouts timeouts) {
        this.profile = profile;
        this.store = store;
        this.credentials = credentials;
        this.timeouts = timeouts;
        this.tokens = new TokenKeeper(store.oauthSettings(), credentials, Clock.systemUTC());
        this.log = ProfileLog.openIn(profile);
        LOG.debug("profile opened: {}", profile);
    }

    /** The profile as the window opens it, with this process's environment. */
    public static ProfileServices open(Path profile) {
        return new ProfileServices(profile, SqliteMessageStore.open(profile),
                CredentialChain.forProfile(profile, System.getenv()), SmtpTimeouts.standard());
    }

    /** The profile as a command opens it, with the terminal's environment. */
    public static ProfileServices open(Path profile, Map<String, String> environment) throws UsageException {
        SmtpTimeouts timeouts;
        try {
            timeouts = SmtpTimeouts.parse(environment.get(TIMEOUTS_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new UsageException(TIMEOUTS_VARIABLE + ": " + e.getMessage());
        }
        return new ProfileServices(profile, SqliteMessageStore.open(profile),
                CredentialChain.forProfile(profile, environment), timeouts);
    }

    public CredentialChain credentials() {
        return credentials;
    }

    /** The access tokens of this process's signed-in accounts (memory only). */
    public TokenKeeper tokens() {
        return tokens;
    }

    public SmtpTimeouts smtpTimeouts() {
        return timeouts;
    }

    public SqliteMessageStore store() {
        return store;
    }

    public Path profile() {
        return profile;
    }

    public Path pickupFolder() {
        return profile.resolve(PICKUP_FOLDER);
    }

    /**
     * Starts this profile's spooler here unless another process runs it.
     *
     * @return the spooler, or empty when another process holds the spooler lock
     */
    public synchronized Optional<Spooler> startSpoolerIfFree(TransferProgress progress) throws IOException {
        if (!claimSpoolerIfFree(progress)) {
            return Optional.empty();
        }
        startClaimedSpooler();
        return Optional.of(spooler);
    }

    /**
     * Takes this profile's spooler lock unless another process holds it, and makes the spooler and
     * the Sent-folder copier without starting them: the window starts them after its first frame
     * ({@link #startClaimedSpooler}), so that a long outbox does not slow the window's start.
     *
     * @return true when this process runs the spooler
     */
    public synchronized boolean claimSpoolerIfFree(TransferProgress progress) throws IOException {
        if (spooler != null) {
            return true;
        }
        Optional<SpoolerLock> acquired = SpoolerLock.tryAcquire(profile);
        if (acquired.isEmpty()) {
            return false;
        }
        lock = acquired.get();
        spooler = new Spooler(store, router(), store::readAttachment, RetryPolicy.standard(), Clock.systemUTC(), progress);
        // The copies for the servers' Sent folders: a worker of their own, run by whoever runs the spooler.
        copier = new SentCopier(store.sentCopies(), new AccountSentFolders(store.accounts(), store.imapSettings(),
                credentials, tokens, timeouts, ServerTrust.system()), store::readAttachment, RetryPolicy.standard(),
                Clock.systemUTC());
        return true;
    }

    /** Recovers and starts the claimed spooler and copier, once; nothing after {@link #close}. */
    public synchronized void startClaimedSpooler() {
        if (spooler == null || spoolerStarted || closed) {
            return;
        }
        spoolerStarted = true;
        spooler.start();
        copier.start(store::subscribe);
    }

    /** The worker that files copies in the servers' Sent folders, while this process runs the spooler. */
    public synchronized Optional<SentCopier> sentCopier() {
        return Optional.ofNullable(copier);
    }

    private TransportRouter router() {
        return new AccountRouter(store.accounts(),
                account -> account.usesSendmail()
                        ? new SendmailTransport(Path.of(account.sendmailProgram()), timeouts.endOfData())
                        : new SmtpTransport(account, credentials, tokens, timeouts, ServerTrust.system()),
                () -> new PickupFolderTransport(pickupFolder()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            if (spooler != null) {
                spooler.close();
            }
            if (copier != null) {
                copier.close();
            }
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            LOG.warn("the spooler lock could not be released; the OS releases it with the process", e);
        } finally {
            store.close();
            log.close();
        }
    }
}
