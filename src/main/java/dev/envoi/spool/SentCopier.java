package dev.envoi.spool;

import dev.envoi.i18n.Sentences;
import dev.envoi.store.QueueEvent;
import dev.envoi.store.QueueListener;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.SentCopies;
import dev.envoi.store.SentCopyJob;
import dev.envoi.transport.AttachmentSource;
import dev.envoi.transport.OutgoingMessage;
import dev.envoi.transport.PermanentFailureException;
import dev.envoi.transport.TransferException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MAPI's FinishedMsg, the step after the transport: files the sender's copy of each sent message
 * in its account's Sent folder on the server. A worker of its own, beside the spooler's, so a slow
 * or broken IMAP server never holds up sending; woken when a message is filed in Sent (the queue's
 * events) and when a retry falls due. The message itself is never touched: a failed copy is
 * retried with backoff, across restarts, and finally recorded as failed with its reason.
 */
public final class SentCopier implements AutoCloseable {

    private static final Sentences WORDS = Sentences.of(SentCopier.class);
    private static final Logger LOG = LoggerFactory.getLogger(SentCopier.class);

    /** Makes sure the copy is in the account's Sent folder; returns the folder's name. */
    @FunctionalInterface
    public interface Target {
        String copy(String account, OutgoingMessage message) throws TransferException;
    }

    private final SentCopies copies;
    private final Target target;
    private final AttachmentSource attachments;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final DueWorkLoop worker;
    private QueueSubscription subscription;

    public SentCopier(SentCopies copies, Target target, AttachmentSource attachments, RetryPolicy retryPolicy,
                      Clock clock) {
        this.copies = copies;
        this.target = target;
        this.attachments = attachments;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.worker = new DueWorkLoop("envoi-sent-copier", clock, LOG, this::copyNextDue, copies::nextDueAt);
    }

    /**
     * Starts with what earlier runs left pending; {@code subscribe} registers for the queue's
     * events (a message filed in Sent may have asked for a copy).
     */
    public void start(Function<QueueListener, QueueSubscription> subscribe) {
        subscription = subscribe.apply(event -> {
            if (event instanceof QueueEvent.StateChanged || event instanceof QueueEvent.ExternalChange) {
                wake();
            }
        });
        wake();
    }

    public void wake() {
        worker.wake();
    }

    /** Waits until no copy is due now and none is under way (for `--flush` and tests). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return worker.awaitIdle(timeout);
    }

    private boolean copyNextDue() {
        Optional<SentCopyJob> next = copies.nextDue(clock.instant());
        next.ifPresent(this::copyOne);
        return next.isPresent();
    }

    private void copyOne(SentCopyJob job) {
        OutgoingMessage message = new OutgoingMessage(job.sentId(), job.messageId(), job.submittedAt(), job.content(),
                attachments);
        try {
            String folder = target.copy(job.account(), message);
            copies.markDone(job.key(), folder);
        } catch (PermanentFailureException e) {
            copies.markFailed(job.key(), e.getMessage());
        } catch (TransferException e) {
            retryOrGiveUp(job, e.getMessage());
        } catch (RuntimeException e) {
            retryOrGiveUp(job, WORDS.get("copy.unexpected", e));
        }
    }

    private void retryOrGiveUp(SentCopyJob job, String error) {
        Instant now = clock.instant();
        Instant failingSince = job.failingSince() == null ? now : job.failingSince();
        if (Duration.between(failingSince, now).compareTo(copies.settings().retryLimit()) >= 0) {
            copies.markFailed(job.key(), WORDS.get("copy.gaveUp", job.attempts() + 1, error));
            return;
        }
        copies.scheduleRetry(job.key(), error, now.plus(retryPolicy.waitAfter(job.attempts() + 1)));
    }

    /** Stops; a copy under way is allowed to finish (or it stays pending, and the search makes it safe). */
    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        worker.close();
    }
}
