package dev.envoi.compose;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.store.AttachmentRejectedException;
import dev.envoi.store.CorruptDataException;
import dev.envoi.store.MessageStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The compose window's side of the store, used only on the background executor: it owns the
 * open draft handle, saves, submits (with MAPI's rewrite-and-resubmit recovery) and reopens.
 */
final class DraftSession {

    /** What a submit produced: the id in the outbox and, if recovery re-took files, the new list. */
    record Submitted(EntryId queuedId, boolean recovered) {
    }

    private final MessageStore store;
    private Draft draft;

    DraftSession(MessageStore store) {
        this.store = store;
    }

    void save(DraftContent content) {
        Draft handle = handleFor(content);
        store.save(handle);
    }

    /**
     * Submits; on CorruptDataException writes every field again from what the window holds,
     * taking attached files again from their originals where it still can, and submits once more.
     */
    Submitted submit(DraftContent content, List<AttachmentItem> items, MessageStore.SubmitOptions options) {
        Draft handle = handleFor(content);
        try {
            EntryId queued = store.submit(handle, options);
            draft = null;
            return new Submitted(queued, false);
        } catch (CorruptDataException first) {
            DraftContent rewritten = content.withAttachments(retake(items));
            handle.setContent(rewritten);
            store.save(handle);
            EntryId queued = store.submit(handle.id(), options);
            handle.close();
            draft = null;
            return new Submitted(queued, true);
        }
    }

    /** Opens a message that came back to Drafts (a cancel, a refusal) as this window's draft. */
    Draft reopen(EntryId draftId) {
        draft = store.openDraft(draftId);
        return draft;
    }

    /** The handle's id, for messages to the user; null before the first save. */
    Optional<EntryId> draftId() {
        return Optional.ofNullable(draft).map(Draft::id);
    }

    /** The open handle, if any (tests check that a submitted one is spent). */
    Optional<Draft> handle() {
        return Optional.ofNullable(draft);
    }

    void close() {
        if (draft != null) {
            draft.close();
            draft = null;
        }
    }

    private Draft handleFor(DraftContent content) {
        if (draft == null || draft.isReleased()) {
            draft = new Draft(content);
        } else {
            draft.setContent(content);
        }
        return draft;
    }

    /** The file taken again from where it was attached; empty when it is gone or unreadable now. */
    private Optional<Attachment> importAgain(Path source) {
        try {
            return Optional.of(store.importAttachment(source));
        } catch (AttachmentRejectedException e) {
            // The resubmit then fails on the damaged copy, and says which attachment to add again.
            return Optional.empty();
        }
    }

    private List<Attachment> retake(List<AttachmentItem> items) {
        List<Attachment> attachments = new ArrayList<>();
        for (AttachmentItem item : items) {
            attachments.add(item.source().flatMap(this::importAgain).orElse(item.attachment()));
        }
        return attachments;
    }
}
