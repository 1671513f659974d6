package dev.envoi.reliability;

import dev.envoi.account.CredentialChain;
import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.spool.AccountRouter;
import dev.envoi.spool.AccountSentFolders;
import dev.envoi.spool.SentCopier;
import dev.envoi.spool.RetryPolicy;
import dev.envoi.spool.Spooler;
import dev.envoi.spool.SpoolerLock;
import dev.envoi.spool.TransferProgress;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.store.StoreException;
import dev.envoi.transport.PickupFolderTransport;
import dev.envoi.transport.ServerTrust;
import dev.envoi.transport.SmtpTimeouts;
import dev.envoi.transport.SmtpTransport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Envoi process a crash trial kills: it plays the user of its {@link TrialPlan} (saves as they
 * type, attaches, submits, sometimes cancels in the undo window) on a real profile, with the real
 * spooler sending through the profile's SMTP account. It prints {@code EV event index ...} on
 * stdout at each point; a line is printed only after the step it names has returned.
 *
 * <p>Usage: {@code CrashChild PROFILE SEED KILL_POINT}. Environment: ENVOI_SMTP_TIMEOUTS.
 */
public final class CrashChild {

    private final TrialPlan plan;
    private final SqliteMessageStore store;

    private CrashChild(TrialPlan plan, SqliteMessageStore store) {
        this.plan = plan;
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        Path profile = Path.of(args[0]);
        // The kill point is passed too: a campaign aimed at one point forces it (TrialPlan.from).
        TrialPlan plan = TrialPlan.from(Long.parseLong(args[1]), KillPoint.valueOf(args[2]));
        say("start", 0);
        SqliteMessageStore store = SqliteMessageStore.open(profile);
        SpoolerLock lock = SpoolerLock.tryAcquire(profile).orElseThrow();
        Map<String, String> env = System.getenv();
        SmtpTimeouts timeouts = SmtpTimeouts.parse(env.get("ENVOI_SMTP_TIMEOUTS"));
        AccountRouter router = new AccountRouter(store.accounts(),
                account -> new SmtpTransport(account, CredentialChain.forProfile(profile, env), timeouts,
                        ServerTrust.system()),
                () -> new PickupFolderTransport(profile.resolve("pickup")));
        AnnouncingQueue queue = new AnnouncingQueue(store, (event, index) -> {
            say(event, index);
            holdIfPlanned(plan, event, index);
        });
        Spooler spooler = new Spooler(queue, router, store::readAttachment,
                new RetryPolicy(Duration.ofMillis(400), Duration.ofSeconds(2), 0, new Random(plan.seed())),
                Clock.systemUTC(), TransferProgress.NONE);
        spooler.start();
        AnnouncingSentCopies copies = new AnnouncingSentCopies(store.sentCopies(), (event, index) -> {
            say(event, index);
            holdIfPlanned(plan, event, index);
        });
        SentCopier copier = new SentCopier(copies, new AccountSentFolders(store.accounts(), store.imapSettings(),
                CredentialChain.forProfile(profile, env), timeouts, ServerTrust.system()), store::readAttachment,
                new RetryPolicy(Duration.ofMillis(400), Duration.ofSeconds(2), 0, new Random(plan.seed())),
                Clock.systemUTC());
        copier.start(store::subscribe);
        CrashChild user = new CrashChild(plan, store);
        for (TrialPlan.Message message : plan.messages()) {
            user.write(message);
        }
        user.awaitSettled(Duration.ofSeconds(3));
        copier.awaitIdle(Duration.ofSeconds(3));
        say("done", 0);
        spooler.close();
        copier.close();
        lock.close();
        store.close();
        System.exit(0);
    }

    /** Saves each version as a person typing would, attaches, submits, and maybe cancels. */
    private void write(TrialPlan.Message message) throws InterruptedException {
        int i = message.index();
        say("save", i);
        Draft draft = new Draft(content(message, 0, List.of()));
        List<Attachment> attachments = List.of();
        for (int version = 0; version <= message.lastSaved(); version++) {
            if (plan.hasAttachmentAt(message, version) && attachments.isEmpty()) {
                say("attach", i);
                attachments = List.of(store.importAttachment(message.attachmentName(), slowly(plan.attachmentBytes(message))));
                say("attached", i);
            }
            draft.setContent(content(message, version, attachments));
            store.save(draft);
            say("saved", i, Integer.toString(version));
        }
        draft.setContent(content(message, message.submittedVersion(), attachments));
        say("submit", i);
        EntryId queued = store.submit(draft, SubmitOptions.undo(message.undo()));
        say("submitted", i, queued.value());
        if (message.cancels()) {
            Thread.sleep(message.cancelAfterMillis());
            say("cancel", i);
            try {
                EntryId back = store.abortSubmit(queued);
                say("cancelled", i, back.value());
            } catch (StoreException e) {
                say("too-late", i, e.getClass().getSimpleName());
            }
        }
    }

    private DraftContent content(TrialPlan.Message message, int version, List<Attachment> attachments) {
        return new DraftContent(TrialPlan.SENDER, message.recipients(), message.token(), plan.body(message, version),
                plan.hasAttachmentAt(message, version) ? attachments : List.of());
    }

    /** Until nothing is queued or being sent (retries a few seconds off count as settled after the limit). */
    private void awaitSettled(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        EnumSet<OutboxState> busy = EnumSet.of(OutboxState.QUEUED, OutboxState.SENDING, OutboxState.RETRYING);
        while (System.nanoTime() < deadline && store.outbox().stream().anyMatch(e -> busy.contains(e.state()))) {
            Thread.sleep(50);
        }
    }

    private static void holdIfPlanned(TrialPlan plan, String event, int index) {
        if (plan.killPoint().childHolds && plan.killPoint().event.equals(event) && index == plan.target()) {
            try {
                Thread.sleep(30_000); // the test kills the process here
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The attachment as a slow source (a network drive, a big file): the copy takes a while. */
    private static InputStream slowly(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.read(buffer, offset, Math.min(length, 8192));
            }
        };
    }

    static synchronized void say(String event, int index, String... extra) {
        System.out.println("EV " + event + " " + index + (extra.length == 0 ? "" : " " + String.join(" ", extra)));
        System.out.flush();
    }
}
