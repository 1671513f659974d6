package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The Drafts folder: saving, opening, listing and deleting the messages being written. */
final class DraftFolder {

    private static final Sentences WORDS = Sentences.of(DraftFolder.class);

    private final Database database;
    private final OutboxQueries queries;
    private final OpenHandles handles;
    private final Clock clock;

    DraftFolder(Database database, OutboxQueries queries, OpenHandles handles, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.handles = handles;
        this.clock = clock;
    }

    void save(Draft draft) {
        DraftContent content = draft.content();
        EntryId existing = draft.id();
        long now = clock.millis();
        record Saved(EntryId id, MessageFlags flags) {
        }
        Saved saved = database.write("save the draft", c -> {
            if (existing == null) {
                EntryId id = EntryId.timeOrdered(now);
                MessageFlags flags = draftFlags(draft.flags(), content).with(MessageFlag.UNMODIFIED);
                MessageTable.insert(c, id, content, flags, now);
                return new Saved(id, flags);
            }
            MessageRow row = require(c, existing);
            MessageFlags flags = draftFlags(row.flags(), content).without(MessageFlag.UNMODIFIED);
            MessageTable.updateContent(c, row.rowId(), content, flags, now);
            return new Saved(existing, flags);
        });
        draft.saved(saved.id(), saved.flags());
        handles.track(saved.id(), draft);
    }

    Draft open(EntryId id) {
        Draft draft = database.read("open the draft", c -> {
            MessageRow row = require(c, id);
            return new Draft(id, MessageTable.loadContent(c, row.rowId()), row.flags(), row.returnReason(),
                    RefusedList.parse(row.refused()));
        });
        handles.track(id, draft);
        return draft;
    }

    List<MessageSummary> list() {
        return database.read("list the drafts", c -> queries.summaries(c, Folder.DRAFTS));
    }

    void delete(EntryId id) {
        database.write("delete the draft", c -> {
            long rowId = require(c, id).rowId();
            MessageTable.retireId(c, rowId);
            return Database.update(c, "DELETE FROM message WHERE id = ?", rowId);
        });
        handles.releaseAll(id);
    }

    /**
     * Writes the content of a saved draft about to be submitted and returns its row as stored
     * now; the caller holds the write transaction. (A draft never saved is not written here: it
     * goes straight into the outbox, see {@link SubmitTransaction#runUnsaved}.)
     */
    static MessageRow saveForSubmit(Connection c, Draft draft, DraftContent content, long now) throws SQLException {
        MessageRow row = require(c, draft.id());
        MessageTable.updateContent(c, row.rowId(), content, draftFlags(row.flags(), content), now);
        return MessageTable.findByRowId(c, row.rowId()).orElseThrow();
    }

    /** The draft's row; a message in the outbox or in Sent is refused, each with its own reason. */
    static MessageRow require(Connection c, EntryId id) throws SQLException {
        Optional<MessageRow> row = MessageTable.find(c, id);
        if (row.isEmpty()) {
            throw new MessageNotFoundException(WORDS.get("draft.notFound", id));
        }
        if (row.get().folder() == Folder.OUTBOX) {
            throw new SubmittedException(WORDS.get("draft.inOutbox", id));
        }
        if (row.get().folder() != Folder.DRAFTS) {
            throw new MessageNotFoundException(WORDS.get("draft.sent", id));
        }
        return row.get();
    }

    static MessageFlags draftFlags(MessageFlags flags, DraftContent content) {
        MessageFlags result = flags.with(MessageFlag.UNSENT).without(MessageFlag.SUBMIT);
        return content.attachments().isEmpty() ? result.without(MessageFlag.HASATTACH) : result.with(MessageFlag.HASATTACH);
    }
}
