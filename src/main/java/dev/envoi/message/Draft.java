package dev.envoi.message;

import java.util.List;
import java.util.Objects;

/**
 * An open message being written, like MAPI's IMessage: content that the store saves and submits.
 * Once submitted (or closed) the handle is spent: every method but {@link #close()} throws
 * {@link IllegalStateException}, so no code path can go on using a message that has left Drafts.
 */
public final class Draft implements AutoCloseable {

    private EntryId id;
    private DraftContent content;
    private MessageFlags flags;
    private String returnReason;
    private List<MailAddress> refusedRecipients;
    private boolean released;

    /** A new draft, not yet saved. */
    public Draft(DraftContent content) {
        this(null, content, MessageFlags.of(MessageFlag.UNSENT, MessageFlag.FROMME), "");
    }

    /** A draft as the store read it back. */
    public Draft(EntryId id, DraftContent content, MessageFlags flags, String returnReason) {
        this(id, content, flags, returnReason, List.of());
    }

    /** A draft that came back from the outbox, with the recipients the server refused. */
    public Draft(EntryId id, DraftContent content, MessageFlags flags, String returnReason,
                 List<MailAddress> refusedRecipients) {
        this.id = id;
        this.content = Objects.requireNonNull(content, "content");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.returnReason = returnReason == null ? "" : returnReason;
        this.refusedRecipients = List.copyOf(refusedRecipients);
    }

    /** The id in Drafts, or null before the first save. */
    public EntryId id() {
        ensureOpen();
        return id;
    }

    public DraftContent content() {
        ensureOpen();
        return content;
    }

    public MessageFlags flags() {
        ensureOpen();
        return flags;
    }

    /** Why the message came back from the outbox (a server's refusal), or empty. */
    public String returnReason() {
        ensureOpen();
        return returnReason;
    }

    /** The recipients a server refused the last time this message was sent, or none. */
    public List<MailAddress> refusedRecipients() {
        ensureOpen();
        return refusedRecipients;
    }

    public void setContent(DraftContent newContent) {
        ensureOpen();
        this.content = Objects.requireNonNull(newContent, "content");
        this.flags = flags.without(MessageFlag.UNMODIFIED);
    }

    /** Called by the store once a save is durable. */
    public void saved(EntryId savedId, MessageFlags savedFlags) {
        ensureOpen();
        this.id = Objects.requireNonNull(savedId, "savedId");
        this.flags = Objects.requireNonNull(savedFlags, "savedFlags");
    }

    /** Called by the store once the message has gone to the outbox: the handle lets go of it. */
    public void released() {
        released = true;
        content = null;
        id = null;
        refusedRecipients = List.of();
    }

    public boolean isReleased() {
        return released;
    }

    @Override
    public void close() {
        released();
    }

    private void ensureOpen() {
        if (released) {
            throw new IllegalStateException("This draft was submitted or closed; open it again from the store");
        }
    }
}
