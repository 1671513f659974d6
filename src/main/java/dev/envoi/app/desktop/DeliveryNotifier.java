package dev.envoi.app.desktop;

import dev.envoi.i18n.VisibleText;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.message.SignInWait;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.MessageNotFoundException;
import dev.envoi.store.MessageStore;
import dev.envoi.store.QueueEvent;
import dev.envoi.store.QueueSubscription;
import dev.envoi.store.StoreException;
import dev.envoi.ui.Texts;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desktop notifications for what happens to a message when no compose window is watching it: it
 * was handed off, it was refused (back in Drafts), it failed for good, or its delivery became
 * uncertain. Each is told once. Watchers are asked from the store's event thread, so the predicate
 * must be thread-safe.
 */
final class DeliveryNotifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryNotifier.class);

    private final MessageStore store;
    private final Executor background;
    private final Executor ui;
    private final Predicate<EntryId> watchedByAWindow;
    private final Consumer<Notice> board;
    private final Texts texts = Texts.of(DeliveryNotifier.class);
    private final Map<EntryId, OutboxState> told = new ConcurrentHashMap<>();
    /** Changes being looked at, whose notice (if any) has not reached the board yet. */
    private final AtomicInteger telling = new AtomicInteger();
    private final SentNoticeBatch sentNotices;
    private QueueSubscription subscription;

    /** {@code board} shows a notice; it is called on the UI executor. */
    DeliveryNotifier(MessageStore store, Executor background, Executor ui, Predicate<EntryId> watchedByAWindow,
                     Consumer<Notice> board) {
        this.store = store;
        this.background = background;
        this.ui = ui;
        this.watchedByAWindow = watchedByAWindow;
        this.board = board;
        this.sentNotices = new SentNoticeBatch(ui, board, count -> new Notice(texts.get("notify.sentMany.title"),
                texts.get("notify.sentMany.text", count), false));
    }

    void start() {
        subscription = store.subscribe(this::queueChanged);
    }

    private void queueChanged(QueueEvent event) {
        // Whether a window watches the message is asked now: by the time the store has been read,
        // a window that showed the outcome itself may already have stopped following it.
        if (event instanceof QueueEvent.StateChanged changed && !watchedByAWindow.test(changed.id())) {
            telling.incrementAndGet();
            background.execute(() -> check(changed.id()));
        }
    }

    private void check(EntryId id) {
        Optional<Notice> notice = Optional.empty();
        try {
            notice = store.fate(id).flatMap(this::noticeFor);
        } catch (StoreException e) {
            // the store is closing: nothing to tell
            LOG.debug("{}: no notice, the store did not answer", id.value(), e);
        } finally {
            // Even when looking failed, the count goes down: Envoi must not wait for it to quit.
            Optional<Notice> toTell = notice;
            ui.execute(() -> {
                toTell.ifPresent(this::tell);
                telling.decrementAndGet();
            });
        }
    }

    /**
     * True on the UI thread while a change of a message is being looked at and what it may have to
     * tell has not been shown yet: quitting now could swallow that notice.
     */
    boolean isTelling() {
        return telling.get() > 0 || sentNotices.holding();
    }

    /** Bad news is told at once, each; good news is gathered when it comes in a stream. */
    private void tell(Notice notice) {
        if (notice.warning()) {
            board.accept(notice);
        } else {
            sentNotices.sent(notice);
        }
    }

    private Optional<Notice> noticeFor(MessageFate fate) {
        if (fate.folder() == Folder.SENT || fate.folder() == Folder.DELETED) {
            return once(fate.currentId(), OutboxState.QUEUED, new Notice(texts.get("notify.sent.title"),
                    texts.get("notify.sent.text", subjectOf(fate.currentId())), false));
        }
        if (fate.folder() == Folder.DRAFTS && !fate.reason().isEmpty()) {
            return once(fate.currentId(), OutboxState.DRAFT, new Notice(texts.get("notify.refused.title"),
                    texts.get("notify.refused.text", VisibleText.of(fate.reason())), true));
        }
        Optional<OutboxState> state = fate.state();
        if (state.filter(s -> s == OutboxState.FAILED).isPresent()) {
            return once(fate.currentId(), OutboxState.FAILED, new Notice(texts.get("notify.failed.title"),
                    texts.get("notify.failed.text", VisibleText.of(fate.reason())), true));
        }
        if (state.filter(s -> s == OutboxState.RETRYING).isPresent() && waitsForSignIn(fate.currentId())) {
            return once(fate.currentId(), OutboxState.RETRYING, new Notice(texts.get("notify.signIn.title"),
                    texts.get("notify.signIn.text", fate.reason()), true));
        }
        if (state.filter(s -> s == OutboxState.UNCERTAIN).isPresent()) {
            return once(fate.currentId(), OutboxState.UNCERTAIN, new Notice(texts.get("notify.uncertain.title"),
                    texts.get("notify.uncertain.text", VisibleText.of(fate.reason())), true));
        }
        return Optional.empty();
    }

    /** Tells each outcome of a message once, however many events announce it. */
    private Optional<Notice> once(EntryId id, OutboxState outcome, Notice notice) {
        return told.put(id, outcome) == outcome ? Optional.empty() : Optional.of(notice);
    }

    private boolean waitsForSignIn(EntryId id) {
        // One row, not the outbox: with the network down every queued message retries (issue 21).
        return store.outboxEntry(id).filter(e -> SignInWait.isWaiting(e.dueAt())).isPresent();
    }

    /** One message read, not the whole of Sent: a year of mail is 100,000 of them (issue 21). */
    private String subjectOf(EntryId sentId) {
        try {
            return store.sentContent(sentId).subject();
        } catch (MessageNotFoundException gone) {
            return "";
        }
    }

    /** What to tell: a title, a sentence, and whether it is bad news. */
    record Notice(String title, String text, boolean warning) {
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        sentNotices.close();
    }
}
