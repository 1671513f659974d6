package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/** The Sent folder: filing a delivered message there (or deleting it), listing and reading it. */
final class SentFolder {

    private static final Sentences WORDS = Sentences.of(SentFolder.class);

    private final Database database;
    private final OutboxQueries queries;
    private final Clock clock;

    SentFolder(Database database, OutboxQueries queries, Clock clock) {
        this.database = database;
        this.queries = queries;
        this.clock = clock;
    }

    List<MessageSummary> list() {
        return database.read("list the sent messages", c -> queries.summaries(c, Folder.SENT));
    }

    DraftContent content(EntryId sentId) {
        return database.read("open the sent message", c -> {
            MessageRow row = MessageTable.find(c, sentId).filter(r -> r.folder() == Folder.SENT)
                    .orElseThrow(() -> new MessageNotFoundException(WORDS.get("sent.notFound", sentId)));
            return MessageTable.loadContent(c, row.rowId());
        });
    }

    /**
     * Files a queued message in Sent with the server's reply (or deletes it, when it is not kept);
     * the caller holds the write transaction. Only a message being sent, handed off, or marked
     * sent by the user from UNCERTAIN may be filed.
     */
    int file(Connection c, MessageRow row, String reply, long at, boolean deleteAfterSend, String account)
            throws SQLException {
        if (!row.queueState().canBeFiled()) {
            throw new IllegalTransitionException(WORDS.get("state.illegalMove", row.entryId(), row.state(),
                    Folder.SENT.name()));
        }
        // The copy for the server's Sent folder is asked for in this same transaction, so no crash
        // can file the message without it; the message then stays until the copy is made.
        boolean copied = SqliteSentCopies.requestIfWanted(c, row.rowId(), account, clock.millis(), deleteAfterSend);
        if (deleteAfterSend && !copied) {
            MessageTable.retireId(c, row.rowId());
            return Database.update(c, "DELETE FROM message WHERE id = ?", row.rowId());
        }
        MessageFlags flags = row.flags().without(MessageFlag.SUBMIT).without(MessageFlag.UNSENT);
        MessageTable.move(c, row.rowId(), Folder.SENT, null, flags, clock.millis());
        return Database.update(c, "UPDATE message SET due_at = NULL, sent_at = ?, server_reply = ? WHERE id = ?",
                at, reply, row.rowId());
    }
}
