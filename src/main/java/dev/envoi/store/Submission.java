package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.Recipient;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Into the outgoing queue and back out (MAPI's SubmitMessage and AbortSubmit): each one durable
 * transaction, announced to the queue's listeners once it is committed.
 */
final class Submission {

    private static final Sentences WORDS = Sentences.of(Submission.class);

    private final Database database;
    private final AttachmentVault vault;
    private final StoreSettings settings;
    private final QueueEvents events;
    private final OpenHandles handles;
    private final Clock clock;

    Submission(Database database, AttachmentVault vault, StoreSettings settings, QueueEvents events,
               OpenHandles handles, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.settings = settings;
        this.events = events;
        this.handles = handles;
        this.clock = clock;
    }

    /**
     * Save and submit in one durable transaction: one disk sync instead of two, and no moment
     * when the latest text is saved but not yet queued. The stored fields need no integrity
     * check here since they are written from the handle now; the attachments are checked.
     */
    EntryId submit(Draft draft, SubmitOptions options) {
        DraftContent content = draft.content();
        EntryId existing = draft.id();
        SubmitCheck.of(content).verify(vault);
        Instant now = clock.instant();
        Instant due = dueTime(options, now);
        String account = options.account().orElse(null);
        EntryId queuedId = database.write("send the message", c -> existing == null
                ? SubmitTransaction.runUnsaved(c, DraftFolder.draftFlags(draft.flags(), content), content, now, due, account)
                : SubmitTransaction.run(c, DraftFolder.saveForSubmit(c, draft, content, now.toEpochMilli()), content,
                        now, due, account));
        if (existing != null) {
            handles.releaseAll(existing);
        }
        draft.released();
        events.publish(new QueueEvent.Queued(queuedId));
        return queuedId;
    }

    EntryId submit(EntryId draftId, SubmitOptions options) {
        // Hashing attachments reads whole files: do it before taking the write lock.
        SubmitCheck check = database.read("check the message",
                c -> SubmitCheck.load(c, DraftFolder.require(c, draftId)));
        check.verify(vault);
        Instant now = clock.instant();
        Instant due = dueTime(options, now);
        EntryId queuedId = database.write("submit the message", c -> {
            MessageRow row = DraftFolder.require(c, draftId);
            if (!row.contentHash().equals(check.contentHash())) {
                throw new CorruptDataException(WORDS.get("submit.changedWhileChecked"));
            }
            return SubmitTransaction.run(c, row, check.content(), now, due, options.account().orElse(null));
        });
        handles.releaseAll(draftId);
        events.publish(new QueueEvent.Queued(queuedId));
        return queuedId;
    }

    EntryId abort(EntryId queuedId) {
        EntryId draftId = database.write("cancel sending", c -> {
            MessageRow row = QueueRows.requireQueued(c, queuedId);
            if (!isAbortable(row)) {
                throw new UnableToAbortException(WORDS.get("queue.tooLateToCancel"));
            }
            return QueueRows.backToDrafts(c, row, null, List.of(), clock.millis());
        });
        events.publish(new QueueEvent.Aborted(queuedId, draftId));
        return draftId;
    }

    boolean canAbort(EntryId queuedId) {
        return database.read("check the message", c -> MessageTable.find(c, queuedId)
                .filter(row -> row.folder() == Folder.OUTBOX && isAbortable(row)).isPresent());
    }

    /** Until the hand-off point, and never once its delivery is uncertain (it may have gone). */
    private static boolean isAbortable(MessageRow row) {
        return !row.isHandedOff() && row.queueState().canReturnToDrafts();
    }

    private Instant dueTime(SubmitOptions options, Instant now) {
        Duration undo = clampUndo(options.undoWindow().orElseGet(settings::undoWindow));
        return options.sendAt().orElse(now.plus(undo));
    }

    static Duration clampUndo(Duration window) {
        if (window.isNegative()) {
            return Duration.ZERO;
        }
        return window.compareTo(StoreSettings.MAX_UNDO_WINDOW) > 0 ? StoreSettings.MAX_UNDO_WINDOW : window;
    }

    /** Recipients of a content after duplicates are removed (the first occurrence wins). */
    static List<Recipient> withoutDuplicates(List<Recipient> recipients) {
        Set<String> seen = new HashSet<>();
        return recipients.stream()
                .filter(r -> seen.add(r.address().address().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
