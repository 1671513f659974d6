package dev.envoi.spool;

import dev.envoi.i18n.Sentences;
import dev.envoi.i18n.VisibleText;
import dev.envoi.log.LogText;
import dev.envoi.message.EntryId;
import dev.envoi.store.CorruptAttachmentException;
import dev.envoi.store.CorruptDataException;
import dev.envoi.store.OutgoingQueue;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.QueuedMessage;
import dev.envoi.transport.AttachmentSource;
import dev.envoi.transport.DeliveryOptions;
import dev.envoi.transport.HandOffReceipt;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.SignInRequiredException;
import dev.envoi.transport.TransferCancelledException;
import dev.envoi.transport.TransferException;
import dev.envoi.transport.Transport;
import dev.envoi.transport.UncertainDeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MAPI spooler: one background worker that takes due messages from the outgoing queue, in
 * order, to the transport. It sleeps until the queue changes or the next message falls due; it
 * never polls the queue. One failing message never holds up the others: it is rescheduled.
 */
public final class Spooler implements AutoCloseable {

    private static final Sentences WORDS = Sentences.of(Spooler.class);
    // What happens to each message, by id and state: never its content, addresses or subject.
    private static final Logger LOG = LoggerFactory.getLogger(Spooler.class);
    /** How often a message whose account cannot send looks again (the account may come back). */
    static final Duration ACCOUNT_RECHECK = Duration.ofMinutes(1);

    private final OutgoingQueue queue;
    private final TransportRouter router;
    private final AttachmentSource attachments;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final TransferProgress progress;
    private final DueWorkLoop worker;
    private final AtomicReference<SpoolGate> currentGate = new AtomicReference<>();
    private final AtomicReference<EntryId> currentId = new AtomicReference<>();
    private QueueSubscription subscription;
    /** The vault has been swept since the start (spooler thread only). */
    private boolean vaultSwept;

    /** A spooler that sends everything through one transport. */
    public Spooler(OutgoingQueue queue, Transport transport, AttachmentSource attachments, RetryPolicy retryPolicy,
                   Clock clock, TransferProgress progress) {
        this(queue, TransportRouter.single(transport), attachments, retryPolicy, clock, progress);
    }

    /** A spooler that picks the transport for each message by its sender's account. */
    public Spooler(OutgoingQueue queue, TransportRouter router, AttachmentSource attachments, RetryPolicy retryPolicy,
                   Clock clock, TransferProgress progress) {
        this.queue = queue;
        this.router = router;
        this.attachments = attachments;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.progress = progress;
        this.worker = new DueWorkLoop("envoi-spooler", clock, LOG, this::transferNextDue, queue::nextDueAt);
    }

    /** Recovers what a crash left behind, then starts taking messages. */
    public OutgoingQueue.RecoveryReport start() {
        OutgoingQueue.RecoveryReport report = queue.recoverAfterRestart();
        LOG.info("spooler started; after the last run {} message(s) back to QUEUED, {} UNCERTAIN",
                report.requeued(), report.uncertain());
        subscription = queue.subscribe(new SpoolerWakeUp(this::wake, this::cancelTransferOf));
        wake();
        return report;
    }

    /** Asks the worker to look at the queue now. */
    public void wake() {
        worker.wake();
    }

    /** Waits until nothing is due now and no transfer is under way (for `--flush` and tests). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return worker.awaitIdle(timeout);
    }

    /** A cancel of the message under way closes its gate; the transport stops at its next check. */
    private void cancelTransferOf(EntryId queuedId) {
        SpoolGate gate = currentGate.get();
        if (gate != null && queuedId.equals(currentId.get())) {
            gate.cancelledElsewhere();
        }
    }

    private boolean transferNextDue() {
        Optional<QueuedMessage> next = lockNext();
        next.ifPresentOrElse(this::transfer, this::sweepVaultOnce);
        return next.isPresent();
    }

    /**
     * Once per start, when nothing is due: the vault's sweep walks every file and reads every
     * attachment row (10,200 files, 1-1.4 s on a year of mail under load), which used to delay the
     * first message after every start and count in every drain.
     */
    private void sweepVaultOnce() {
        if (!vaultSwept) {
            vaultSwept = true;
            int removed = queue.collectAttachmentGarbage();
            LOG.info("vault swept after the queue was drained: {} unused file(s) removed", removed);
        }
    }

    private Optional<QueuedMessage> lockNext() {
        while (true) {
            try {
                return queue.lockNextDue(clock.instant());
            } catch (CorruptDataException e) {
                // Marked damaged by the store; go on with the messages behind it.
                LOG.warn("a queued message failed its integrity check and is marked damaged", e);
            }
        }
    }

    private void transfer(QueuedMessage message) {
        SpoolGate gate = new SpoolGate(queue, message.id(), clock::millis, progress);
        currentGate.set(gate);
        currentId.set(message.id());
        LOG.info("{} SENDING, attempt {}{}", message.id().value(), message.attempts(),
                message.account().map(name -> ", account " + VisibleText.of(name)).orElse(""));
        try {
            // A server without DSN drops the notification request (RFC 3461 allows it); the read
            // receipt is a header and goes whatever the server offers.
            OutgoingMessage outgoing = new OutgoingMessage(message.id(), message.messageId(), message.submittedAt(),
                    message.content(), attachments, DeliveryOptions.requestedBy(message.content().deliveryRequests()));
            TransportRouter.Route route = router.routeFor(message.content().from(), message.account());
            HandOffReceipt receipt = route.transport().transfer(outgoing, gate);
            // The route's account decides, in the same transaction, whether a copy for the
            // server's Sent folder is asked for; SentCopier makes it, a step of its own.
            queue.markDelivered(message.id(), receipt.reply(), clock.instant(), route.keepInSent(), route.account());
            LOG.info("{} SENT (handed off): {}", message.id().value(), visible(receipt.reply()));
        } catch (AccountUnavailableException e) {
            // Never another account: the message waits, and is looked at again (the account may be
            // added back); the user may choose another one in the outbox.
            queue.waitForAccount(message.id(), e.getMessage(), clock.instant().plus(ACCOUNT_RECHECK));
            LOG.info("{} RETRYING: its account cannot send ({}); looking again in {}", message.id().value(),
                    visible(e.getMessage()), ACCOUNT_RECHECK);
        } catch (TransferException e) {
            transferFailed(message, gate, e);
        } catch (RuntimeException e) {
            unexpectedFailure(message, gate, e);
        } finally {
            currentGate.set(null);
            currentId.set(null);
        }
    }

    private void transferFailed(QueuedMessage message, SpoolGate gate, TransferException e) {
        if (e instanceof TransferCancelledException) {
            if (!gate.isHandedOff() && queue.isStillQueued(message.id())) {
                queue.unlock(message.id());
            }
            LOG.info("{} transfer cancelled", message.id().value());
        } else if (e instanceof PermanentFailureException permanent) {
            queue.returnToDrafts(message.id(), permanent.getMessage(), permanent.refusedRecipients());
            LOG.info("{} DRAFT: refused for good: {}", message.id().value(), visible(permanent.getMessage()));
        } else if (e instanceof SignInRequiredException) {
            // Never FAILED, never back to Drafts: the message is fine, the account needs its user.
            queue.waitForSignIn(message.id(), e.getMessage());
            LOG.info("{} RETRYING: waits for a sign-in", message.id().value());
        } else if (e instanceof UncertainDeliveryException) {
            queue.markUncertain(message.id(), e.getMessage());
            LOG.warn("{} UNCERTAIN: {}", message.id().value(), visible(e.getMessage()));
        } else {
            // The transport's word counts even after the hand-off point: an SMTP 4xx reply to the
            // end of data means the server did not take the message.
            retryOrGiveUp(message, e.getMessage(), e);
        }
    }

    private void unexpectedFailure(QueuedMessage message, SpoolGate gate, RuntimeException e) {
        LOG.error("{} unexpected failure during the transfer", message.id().value(), e);
        if (gate.isHandedOff()) {
            // Nobody can say whether the mail system has it: never resend silently.
            queue.markUncertain(message.id(), WORDS.get("failure.unexpectedAfterHandOff", e));
            LOG.warn("{} UNCERTAIN: the failure came after the hand-off point", message.id().value());
        } else {
            retryOrGiveUp(message, WORDS.get("failure.unexpected", e), e);
        }
    }

    private void retryOrGiveUp(QueuedMessage message, String error, Throwable cause) {
        if (hasCause(cause, CorruptAttachmentException.class)) {
            queue.markDamaged(message.id(), rootMessage(cause));
            LOG.warn("{} FAILED: an attachment is damaged: {}", message.id().value(), visible(rootMessage(cause)));
            return;
        }
        Instant now = clock.instant();
        Duration limit = queue.settings().retryLimit();
        // Counted from the first failure, not the submit: a message sent later, or sent again by
        // the user, still gets the whole limit (RFC 5321 4.5.4.1 counts from the first attempt).
        Instant failingSince = message.failingSince() == null ? now : message.failingSince();
        if (Duration.between(failingSince, now).compareTo(limit) >= 0) {
            queue.markFailed(message.id(), WORDS.get("failure.gaveUp", message.attempts(), error));
            LOG.warn("{} FAILED: gave up after {} attempt(s) over {}: {}", message.id().value(),
                    message.attempts(), limit, visible(error));
            return;
        }
        Instant next = now.plus(retryPolicy.waitAfter(message.attempts()));
        queue.scheduleRetry(message.id(), error, next);
        LOG.info("{} RETRYING at {} after attempt {}: {}", message.id().value(), next, message.attempts(),
                visible(error));
    }

    /** A server's reply or reason on one log line: controls visible, no one's address. */
    private static String visible(String text) {
        return LogText.reason(text);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CorruptAttachmentException) {
                return t.getMessage();
            }
        }
        return error.getMessage();
    }

    /** Stops taking messages; a transfer under way is allowed to finish. */
    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        worker.close();
        router.close();
    }
}
