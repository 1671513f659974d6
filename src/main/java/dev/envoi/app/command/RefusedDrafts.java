package dev.envoi.app.command;

import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.message.EntryId;
import dev.envoi.store.Folder;
import dev.envoi.store.MessageFate;
import dev.envoi.store.OutboxEntry;
import dev.envoi.store.SqliteMessageStore;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A refused message leaves the outbox for Drafts under a new id. A flush watches the ids it
 * starts with and says, for each that came back, the id it has now, so the user can open it or
 * send it again; and the outbox's last word counts what waits in Drafts, not sent.
 */
final class RefusedDrafts {

    private final SqliteMessageStore store;
    private final Set<EntryId> watched = new LinkedHashSet<>();

    private RefusedDrafts(SqliteMessageStore store) {
        this.store = store;
    }

    static RefusedDrafts watch(SqliteMessageStore store) {
        RefusedDrafts drafts = new RefusedDrafts(store);
        for (OutboxEntry entry : store.outbox()) {
            drafts.watched.add(entry.id());
        }
        return drafts;
    }

    /** One line per watched message that is now a draft, with the reason and its new id. */
    void report(Terminal terminal) {
        for (EntryId id : watched) {
            MessageFate fate = store.fate(id).orElse(null);
            if (fate != null && fate.folder() == Folder.DRAFTS && !fate.reason().isEmpty()) {
                terminal.say(id + ": " + Printable.of(fate.reason()) + " — back in Drafts as "
                        + fate.currentId() + " (envoi send --draft " + fate.currentId() + " sends it again)");
            }
        }
    }

    /** "; N refused message(s) in Drafts ..." when there are any, else nothing. */
    static String inDrafts(SqliteMessageStore store) {
        int refused = store.returnedDraftCount();
        return refused == 0 ? "" : "; " + refused + " refused message(s) back in Drafts, not sent (envoi outbox "
                + "lists them)";
    }

}
