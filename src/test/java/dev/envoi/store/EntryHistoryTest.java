package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every id a message was ever given still tells where it went ({@code fate}), now that the history
 * keeps an id when the message leaves it behind (a move, a delete) instead of when it is given:
 * through a whole life, after a delete, and in a profile written before, whose history holds
 * current ids too.
 */
class EntryHistoryTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    @TempDir
    Path profile;
    private SqliteMessageStore store;

    @BeforeEach
    void open() {
        store = SqliteMessageStore.open(profile, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyIdOfAMessageLeadsToWhereItIsNow() throws Exception {
        Draft draft = Drafts.draft("a whole life");
        store.save(draft);
        EntryId saved = draft.id();
        EntryId queued = store.submit(saved, MessageStore.SubmitOptions.undo(Duration.ZERO));
        EntryId back = store.abortSubmit(queued);
        EntryId again = store.submit(back, MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(NOW).orElseThrow();
        store.recordHandOff(again);
        store.markDelivered(again, "250 OK", NOW);
        EntryId sent = store.fate(again).orElseThrow().currentId();

        for (EntryId id : List.of(saved, queued, back, again, sent)) {
            MessageFate fate = store.fate(id).orElseThrow();
            assertEquals(Map.entry(sent, Folder.SENT), Map.entry(fate.currentId(), fate.folder()), id.value());
        }
        assertEquals(4L, count("SELECT count(*) FROM entry_history"), "the four ids left behind; the current one is on the row");
        assertEquals(Optional.empty(), store.fate(EntryId.timeOrdered(NOW.toEpochMilli())), "an id never given");
    }

    @Test
    void aDeletedDraftsIdsSayItWasDeleted() throws Exception {
        EntryId queued = store.submit(Drafts.draft("deleted later"), MessageStore.SubmitOptions.DEFAULT);
        EntryId draft = store.abortSubmit(queued);
        store.deleteDraft(draft);
        assertEquals(Folder.DELETED, store.fate(draft).orElseThrow().folder());
        assertEquals(Folder.DELETED, store.fate(queued).orElseThrow().folder());
        assertThrows(MessageNotFoundException.class, () -> store.openDraft(draft));
    }

    @Test
    void aProfileWrittenBeforeKeepsItsHistoryOfCurrentIds() throws Exception {
        Draft draft = Drafts.draft("saved by an older Envoi");
        store.save(draft);
        EntryId saved = draft.id();
        // What the store did before: the id went into the history when it was given.
        ProfileSql.execute(profile, "INSERT INTO entry_history (entry_id, message) SELECT entry_id, id FROM message");
        EntryId queued = store.submit(saved, MessageStore.SubmitOptions.DEFAULT);
        assertEquals(Folder.OUTBOX, store.fate(saved).orElseThrow().folder());
        assertEquals(queued, store.fate(saved).orElseThrow().currentId());
        assertEquals(1L, count("SELECT count(*) FROM entry_history"));
    }

    private long count(String sql) throws Exception {
        return ProfileSql.longs(profile, sql).get(0);
    }
}
