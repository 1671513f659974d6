package dev.envoi.store;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The user's side of the profile's message store, after MAPI's message store: drafts are saved
 * durably, submitted to the outgoing queue and, until the hand-off point, taken back.
 * Every method may block on disk: never call it on the FX thread.
 */
public interface MessageStore extends AutoCloseable {

    /** Writes the draft in one durable transaction and gives it its id in Drafts. */
    void save(Draft draft);

    /** Opens a draft for editing. */
    Draft openDraft(EntryId id) throws MessageNotFoundException, SubmittedException;

    /** Drafts, newest first, including messages that came back from the outbox. */
    List<MessageSummary> drafts();

    /** Sent messages, newest first. */
    List<MessageSummary> sent();

    /** How many messages {@link #sent()} lists, without reading them. */
    default int sentCount() {
        return sent().size();
    }

    /** Part of {@link #sent()}: at most {@code limit} messages from position {@code offset}, newest first. */
    default List<MessageSummary> sentPage(int offset, int limit) {
        return slice(sent(), offset, limit);
    }

    /** How many messages {@link #drafts()} lists, without reading them. */
    default int draftCount() {
        return drafts().size();
    }

    /** How many drafts came back refused by a server, with the reason; without reading them. */
    default int returnedDraftCount() {
        return (int) drafts().stream().filter(d -> !d.returnReason().isEmpty()).count();
    }

    /** Part of {@link #drafts()}: at most {@code limit} drafts from position {@code offset}, newest first. */
    default List<MessageSummary> draftPage(int offset, int limit) {
        return slice(drafts(), offset, limit);
    }

    /** The message with this id if it is in the outbox, without listing the outbox. */
    default Optional<OutboxEntry> outboxEntry(EntryId id) {
        return outbox().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** How many messages {@link #outbox()} lists, without reading them. */
    default int outboxCount() {
        return outbox().size();
    }

    /** Part of {@link #outbox()}: at most {@code limit} messages from position {@code offset}, in its order. */
    default List<OutboxEntry> outboxPage(int offset, int limit) {
        return slice(outbox(), offset, limit);
    }

    private static <T> List<T> slice(List<T> all, int offset, int limit) {
        return List.copyOf(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())));
    }

    /** The content of a sent message, to show it read-only; its id must be the one it has in Sent. */
    DraftContent sentContent(EntryId sentId) throws MessageNotFoundException;

    /** Deletes a draft for good, with its attachments' references. */
    void deleteDraft(EntryId id) throws MessageNotFoundException, SubmittedException;

    /** Streams a file into the attachment vault (hashing as it goes) and describes it. */
    Attachment importAttachment(Path file) throws AttachmentRejectedException;

    /** Imports from a stream under the given name (pasted data, a command-line body file). */
    Attachment importAttachment(String fileName, InputStream content) throws AttachmentRejectedException;

    /** The bytes of an attachment in the vault, checked against its size and hash as they are read. */
    InputStream openAttachment(Attachment attachment);

    /**
     * MAPI SubmitMessage: checks the stored message, then in one transaction puts it in the
     * outgoing queue with SUBMIT set, a Message-ID and its due time. The draft's id stops
     * resolving and any open handle on it is released.
     *
     * @return the id of the message in the outbox
     */
    EntryId submit(EntryId draftId, SubmitOptions options)
            throws NoRecipientsException, CorruptDataException, MessageNotFoundException, SubmittedException;

    /** Saves the handle's content, then submits it; the handle is released on success. */
    EntryId submit(Draft draft, SubmitOptions options);

    /**
     * MAPI AbortSubmit: takes the message out of the queue back to Drafts.
     *
     * @return the message's new id in Drafts
     */
    EntryId abortSubmit(EntryId queuedId) throws UnableToAbortException, NotInQueueException;

    /** True exactly while {@link #abortSubmit} would succeed for this id. */
    boolean canAbort(EntryId queuedId);

    /** Messages not yet sent: queued, sending, retrying, failed, uncertain. */
    List<OutboxEntry> outbox();

    /**
     * Sent messages whose copy for the server's Sent folder is pending or failed (the mail went);
     * none for a store that files no copies.
     */
    default List<SentCopyEntry> unfinishedCopies() {
        return List.of();
    }

    /** The user's word: every failed copy is tried again now, with a fresh retry limit; returns how many. */
    default int retryFailedCopies() {
        return 0;
    }

    /** Where the message that once had this id stands now (ids change as messages move). */
    Optional<MessageFate> fate(EntryId anyId);

    /** Moves an UNCERTAIN or FAILED message back into the queue, due now, because the user said so. */
    void resend(EntryId queuedId) throws NotInQueueException;

    /** Makes a queued message due now (skipping the undo window or a retry wait). */
    void sendNow(EntryId queuedId) throws NotInQueueException;

    /** Marks an UNCERTAIN message as sent, because the user knows it arrived. */
    void markSent(EntryId queuedId) throws NotInQueueException;

    /**
     * Sends a queued, waiting or failed message through {@code account} from now on (its own
     * account was removed or cannot send). The account must send as the message's sender.
     *
     * @throws NotInQueueException the message is being sent, uncertain, or not in the outbox
     * @throws StoreException      no such account, or it sends as another address
     */
    void reassign(EntryId queuedId, String account) throws NotInQueueException;

    /** The accounts {@link #reassign} would take for this message: those of its sender, but its own. */
    List<String> otherAccountsFor(EntryId queuedId);

    /** Addresses used before whose name or address starts with the prefix, most used first. */
    List<MailAddress> knownAddresses(String prefix, int limit);

    StoreSettings settings();

    /**
     * Deletes the Sent messages the retention setting no longer keeps, and the vault files only
     * they used; returns how many.
     */
    int applySentRetention();

    /** How many Sent messages {@code retention} would delete if it were the setting now. */
    int countSentBeyond(SentRetention retention);

    /** The accounts' signatures and plain-text defaults (issue 20), kept in the same database. */
    dev.envoi.account.WritingSettingsRepository writingSettings();

    /** The profile's folder, for the few files kept beside the database (the personal spelling words). */
    java.nio.file.Path profileFolder();

    /** Registers for queue events; they arrive on a store thread, never the caller's. */
    QueueSubscription subscribe(QueueListener listener);

    @Override
    void close();

    /** How long a message waits before it is due, and when. */
    /**
     * @param account the account the message is sent through, and no other (MAPI: the transport
     *                provider chosen for it); empty where the profile has no account
     */
    record SubmitOptions(Optional<Duration> undoWindow, Optional<java.time.Instant> sendAt, Optional<String> account) {
        public static final SubmitOptions DEFAULT = new SubmitOptions(Optional.empty(), Optional.empty());

        public SubmitOptions(Optional<Duration> undoWindow, Optional<java.time.Instant> sendAt) {
            this(undoWindow, sendAt, Optional.empty());
        }

        public SubmitOptions withAccount(Optional<String> chosen) {
            return new SubmitOptions(undoWindow, sendAt, chosen);
        }

        public static SubmitOptions undo(Duration window) {
            return new SubmitOptions(Optional.of(window), Optional.empty());
        }
    }
}
