package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * What both sides of the outgoing queue (the user's, the spooler's) do to an outbox row: find it,
 * move it to a state its {@link QueueState} allows, or send it back to Drafts. Every state written
 * here is the enum's name. Callers hold the write transaction.
 */
final class QueueRows {

    private static final Sentences WORDS = Sentences.of(QueueRows.class);

    private QueueRows() {
    }

    static MessageRow requireQueued(Connection c, EntryId id) throws SQLException {
        Optional<MessageRow> row = MessageTable.find(c, id).filter(r -> r.folder() == Folder.OUTBOX);
        if (row.isEmpty()) {
            throw new NotInQueueException(WORDS.get("queue.notQueued", id));
        }
        return row.get();
    }

    /**
     * Moves the row to {@code next}, setting the other columns as {@code columns} says ("x = ?, y = ?",
     * or ""); refused with an {@link IllegalTransitionException} when its state does not allow it.
     */
    static int move(Connection c, MessageRow row, QueueState next, String columns, Object... args)
            throws SQLException {
        row.queueState().requireMove(row.entryId(), next);
        Object[] all = new Object[args.length + 3];
        all[0] = next.name();
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = row.rowId();
        all[args.length + 2] = row.state();
        // The state read is part of the condition: nothing changes a row between its read and
        // this write in the same transaction, and if that ever broke, this would write nothing.
        return Database.update(c, "UPDATE message SET state = ?" + (columns.isEmpty() ? "" : ", " + columns)
                + " WHERE id = ? AND state = ?", all);
    }

    /** Back to Drafts under a new id, with the reason (null: the user's cancel) and the refused recipients. */
    static EntryId backToDrafts(Connection c, MessageRow row, String reason, List<MailAddress> refused, long now)
            throws SQLException {
        if (!row.queueState().canReturnToDrafts()) {
            throw new IllegalTransitionException(WORDS.get("state.illegalMove", row.entryId(), row.state(),
                    Folder.DRAFTS.name()));
        }
        MessageFlags flags = row.flags().without(MessageFlag.SUBMIT).with(MessageFlag.UNSENT);
        EntryId draftId = MessageTable.move(c, row.rowId(), Folder.DRAFTS, null, flags, now);
        Database.update(c, "UPDATE message SET due_at = NULL, handed_off_at = NULL, return_reason = ?, "
                + "refused_recipients = ? WHERE id = ?", reason, RefusedList.format(refused), row.rowId());
        return draftId;
    }
}
