package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox states are one enum's: the database holds only its names, and only in the outbox; a
 * value no version wrote is an error when read, and a row the migration finds with one is kept
 * where the user sees it; a move the enum does not allow is refused and changes nothing.
 */
class QueueStateTest {

    /** The schema version before the state check (the coordinator renumbers migrations on merge). */
    /** The version just before the migration that added the state checks, wherever later ones put it. */
    private static final int BEFORE_STATE_CHECK = Schema.versionAdding("state_only_in_outbox") - 1;

    @TempDir
    Path profile;

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
    }

    @Test
    void aStateNoVersionWroteIsAnErrorNamingTheMessageAndTheValueNeverQueued() throws Exception {
        EntryId queued;
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            queued = store.submit(Drafts.draft("odd state"), SubmitOptions.undo(Duration.ofMinutes(1)));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // As another tool (or a damaged page) could leave it: past the schema's CHECK.
            s.execute("PRAGMA ignore_check_constraints = ON");
            s.execute("UPDATE message SET state = 'WAITING' WHERE folder = 'OUTBOX'");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            CorruptDataException listed = assertThrows(CorruptDataException.class, store::outbox);
            assertTrue(listed.getMessage().contains(queued.value()), listed.getMessage());
            assertTrue(listed.getMessage().contains("WAITING"), listed.getMessage());
            assertThrows(CorruptDataException.class, () -> store.fate(queued));
            assertThrows(CorruptDataException.class, () -> store.markFailed(queued, "no"));
        }
    }

    @Test
    void theDatabaseKeepsEveryStateInTheOutboxAndOnlyThere() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            store.save(Drafts.draft("a draft"));
            store.submit(Drafts.draft("queued"), SubmitOptions.undo(Duration.ofMinutes(1)));
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (QueueState state : QueueState.values()) {
                s.execute("UPDATE message SET state = '" + state.name() + "' WHERE folder = 'OUTBOX'");
            }
            assertThrows(SQLException.class, () -> s.execute("UPDATE message SET state = 'WAITING' WHERE folder = 'OUTBOX'"));
            assertThrows(SQLException.class, () -> s.execute("UPDATE message SET state = NULL WHERE folder = 'OUTBOX'"));
            assertThrows(SQLException.class, () -> s.execute("UPDATE message SET state = 'QUEUED' WHERE folder = 'DRAFTS'"));
        }
    }

    @Test
    void anIllegalMoveIsRefusedAndChangesNothing() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            EntryId waiting = store.submit(Drafts.draft("waiting"), SubmitOptions.undo(Duration.ofMinutes(1)));
            // Never handed off, so never uncertain; never filed in Sent without an attempt.
            assertThrows(IllegalTransitionException.class, () -> store.markUncertain(waiting, "?"));
            assertThrows(IllegalTransitionException.class, () -> store.markDelivered(waiting, "250 ok", Instant.now()));
            assertEquals(OutboxState.QUEUED, stateOf(store, waiting));

            EntryId uncertain = store.submit(Drafts.draft("uncertain"), SubmitOptions.undo(Duration.ZERO));
            store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow();
            store.recordHandOff(uncertain);
            store.markUncertain(uncertain, "the connection broke after the end of data");
            // It may have gone: only the user resends it, never the spooler's retry or give-up.
            assertThrows(IllegalTransitionException.class, () -> store.scheduleRetry(uncertain, "4xx", Instant.now()));
            assertThrows(IllegalTransitionException.class, () -> store.markFailed(uncertain, "gave up"));
            assertThrows(IllegalTransitionException.class, () -> store.returnToDrafts(uncertain, "550", List.of()));
            assertEquals(OutboxState.UNCERTAIN, stateOf(store, uncertain));
            assertEquals("the connection broke after the end of data", store.outbox().stream()
                    .filter(e -> e.id().equals(uncertain)).findFirst().orElseThrow().lastError());
        }
    }

    @Test
    void theEnumSaysWhichStateMayFollowWhich() {
        assertTrue(QueueState.QUEUED.canMoveTo(QueueState.SENDING));
        assertTrue(QueueState.SENDING.canMoveTo(QueueState.HANDED_OFF));
        assertTrue(QueueState.HANDED_OFF.canMoveTo(QueueState.UNCERTAIN));
        assertTrue(QueueState.UNCERTAIN.canMoveTo(QueueState.QUEUED));
        assertFalse(QueueState.HANDED_OFF.canMoveTo(QueueState.QUEUED), "a handed-off message is never requeued by itself");
        assertFalse(QueueState.FAILED.canMoveTo(QueueState.SENDING), "a failed message waits for the user");
        assertFalse(QueueState.QUEUED.canMoveTo(QueueState.HANDED_OFF), "the hand-off comes only during a transfer");
        assertFalse(QueueState.UNCERTAIN.canReturnToDrafts());
        assertThrows(CorruptDataException.class, () -> QueueState.of(EntryId.random(), null));
    }

    @Test
    void anOldProfileKeepsEveryRowInEveryStateWithItsRecipientsAttachmentsAndSentCopy() throws Exception {
        Map<QueueState, EntryId> ids = new EnumMap<>(QueueState.class);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, BEFORE_STATE_CHECK);
            for (QueueState state : QueueState.values()) {
                ids.put(state, oldRow(s, "OUTBOX", "'" + state.name() + "'"));
            }
            EntryId sent = oldRow(s, "SENT", "NULL");
            s.execute("INSERT INTO sent_copy (message, account, state, due_at) SELECT id, 'home', 'PENDING', 0 "
                    + "FROM message WHERE entry_id = '" + sent.value() + "'");
            oldRow(s, "DRAFTS", "NULL");
            s.execute("COMMIT");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            List<OutboxEntry> outbox = store.outbox();
            assertEquals(QueueState.values().length, outbox.size());
            for (QueueState state : QueueState.values()) {
                OutboxEntry entry = outbox.stream().filter(e -> e.id().equals(ids.get(state))).findFirst().orElseThrow();
                assertEquals(state.outboxState(), entry.state(), state.name());
                assertEquals("jane@example.org", entry.to().get(0).address());
            }
            assertEquals(1, store.sent().size());
            assertEquals(1, store.drafts().size());
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertEquals(8, count(s, "SELECT count(*) FROM recipient"), "no recipient went with the old table");
            assertEquals(8, count(s, "SELECT count(*) FROM attachment"), "no attachment went with the old table");
            assertEquals(1, count(s, "SELECT count(*) FROM sent_copy"), "the Sent copy stayed");
            assertEquals(1, count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'message_queue'"));
            try (ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
                assertFalse(broken.next(), "every reference still finds its message");
            }
            // The rebuilt table carries the new CHECK.
            assertThrows(SQLException.class, () -> s.execute("UPDATE message SET state = NULL WHERE folder = 'OUTBOX'"));
        }
    }

    @Test
    void anOutboxRowWithAStateNoVersionWroteIsKeptAsUncertainWhereTheUserSeesIt() throws Exception {
        EntryId odd;
        EntryId none;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, BEFORE_STATE_CHECK);
            s.execute("PRAGMA ignore_check_constraints = ON");
            odd = oldRow(s, "OUTBOX", "'WAITING'");
            none = oldRow(s, "OUTBOX", "NULL");
            s.execute("COMMIT");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(OutboxState.UNCERTAIN, stateOf(store, odd));
            assertEquals(OutboxState.UNCERTAIN, stateOf(store, none));
            assertFalse(store.canAbort(odd), "it may have gone: the user resends it or marks it sent");
            store.resend(odd);
            assertEquals(OutboxState.QUEUED, stateOf(store, odd));
        }
    }

    /** A row as the old schema held it, with one recipient and one attachment; {@code state} is SQL. */
    private static EntryId oldRow(Statement s, String folder, String state) throws SQLException {
        EntryId id = EntryId.random();
        s.execute("INSERT INTO message (entry_id, folder, flags, state, subject, body, content_hash, size, created_at, "
                + "modified_at, from_address, submitted_at, due_at) VALUES ('" + id.value() + "', '" + folder + "', 0, "
                + state + ", 'old', 'body', 'x', 1, 0, 0, 'emile@example.org', 1, 1)");
        s.execute("INSERT INTO entry_history (entry_id, message) SELECT entry_id, id FROM message WHERE entry_id = '"
                + id.value() + "'");
        s.execute("INSERT INTO recipient (message, position, type, display_name, address) SELECT id, 0, 'TO', '', "
                + "'jane@example.org' FROM message WHERE entry_id = '" + id.value() + "'");
        s.execute("INSERT INTO attachment (message, position, file_name, media_type, size, sha256) SELECT id, 0, "
                + "'a.txt', 'text/plain', 1, 'ab' FROM message WHERE entry_id = '" + id.value() + "'");
        return id;
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static OutboxState stateOf(MessageStore store, EntryId id) {
        return store.outbox().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().state();
    }
}
