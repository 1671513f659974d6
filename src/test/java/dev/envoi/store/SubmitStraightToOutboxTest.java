package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import dev.envoi.message.OutboxState;
import dev.envoi.message.Recipient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A draft never saved is submitted by inserting it straight into the outbox (one row, one id); a
 * saved one is moved there with its queue columns in the same statement. Both must leave exactly
 * what the save-then-move did: the queue entry, its flags, recipients, Message-ID, history and
 * the address book's counts; and a returned draft sent again starts a clean trip through the queue.
 */
class SubmitStraightToOutboxTest {

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
    void aNeverSavedDraftIsQueuedLikeASavedOne() throws Exception {
        Attachment file = store.importAttachment(write("notes.txt", "hello"));
        DraftContent content = Drafts.simple("straight in").withRecipients(List.of(Recipient.to("jane@example.org"),
                Recipient.cc("JANE@example.org"), Recipient.bcc("bob@example.org"))).withAttachments(List.of(file));
        Draft saved = new Draft(content);
        store.save(saved);
        EntryId draftId = saved.id();
        EntryId fromSaved = store.submit(saved, MessageStore.SubmitOptions.undo(Duration.ofSeconds(30)));
        EntryId unsaved = store.submit(new Draft(content), MessageStore.SubmitOptions.undo(Duration.ofSeconds(30)));

        OutboxEntry a = store.outboxEntry(fromSaved).orElseThrow();
        OutboxEntry b = store.outboxEntry(unsaved).orElseThrow();
        assertEquals(OutboxState.QUEUED, b.state());
        assertEquals(NOW.plusSeconds(30), b.dueAt());
        assertEquals(NOW, b.submittedAt());
        assertEquals(0, b.attempts());
        assertNull(b.lastError());
        assertTrue(b.messageId().matches("<[0-9a-f-]{36}@example\\.org>"), b.messageId());
        assertFalse(a.messageId().equals(b.messageId()), "each submit has a Message-ID of its own");
        assertEquals(List.of(a.subject(), a.to(), a.size(), a.account()), List.of(b.subject(), b.to(), b.size(), b.account()));
        assertEquals(flagsOf(fromSaved), flagsOf(unsaved));
        MessageFlags flags = flagsOf(unsaved);
        assertTrue(flags.has(MessageFlag.SUBMIT) && flags.has(MessageFlag.UNSENT) && flags.has(MessageFlag.HASATTACH),
                flags.toString());
        assertFalse(flags.has(MessageFlag.UNMODIFIED));
        assertEquals(0, store.draftCount());
        assertEquals(2, store.outboxCount());

        assertEquals(List.of(2L, 2L), query("SELECT use_count FROM address_book ORDER BY address"),
                "bob and jane each counted once a message (jane's duplicate dropped)");
        assertEquals(List.of(1L), query("SELECT count(*) FROM entry_history"),
                "the history holds the ids left behind: the saved draft's Drafts id; the other never had one");
        assertEquals(List.of(fromSaved, fromSaved), List.of(store.fate(draftId).orElseThrow().currentId(),
                store.fate(fromSaved).orElseThrow().currentId()));
        assertEquals(Folder.OUTBOX, store.fate(unsaved).orElseThrow().folder());

        EntryId back = store.abortSubmit(unsaved);
        Draft reopened = store.openDraft(back);
        assertEquals(content.withRecipients(List.of(Recipient.to("jane@example.org"), Recipient.bcc("bob@example.org"))),
                reopened.content());
        assertTrue(reopened.flags().has(MessageFlag.UNSENT) && !reopened.flags().has(MessageFlag.SUBMIT));
        assertEquals(Folder.DRAFTS, store.fate(unsaved).orElseThrow().folder());
    }

    @Test
    void aReturnedDraftSentAgainStartsACleanTripThroughTheQueue() throws Exception {
        EntryId queued = store.submit(Drafts.draft("refused once"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        String messageId = store.outboxEntry(queued).orElseThrow().messageId();
        store.lockNextDue(NOW).orElseThrow();
        store.returnToDrafts(queued, "550 5.1.1 no such user", List.of(MailAddress.of("jane@example.org")));
        EntryId draftId = store.fate(queued).orElseThrow().currentId();
        assertEquals("550 5.1.1 no such user", store.openDraft(draftId).returnReason());

        EntryId again = store.submit(draftId, new MessageStore.SubmitOptions(Optional.of(Duration.ofSeconds(9)),
                Optional.empty(), Optional.of("work")));

        OutboxEntry entry = store.outboxEntry(again).orElseThrow();
        assertEquals(OutboxState.QUEUED, entry.state());
        assertEquals(0, entry.attempts());
        assertNull(entry.lastError());
        assertEquals(NOW.plusSeconds(9), entry.dueAt());
        assertEquals(Optional.of("work"), entry.account());
        assertEquals(messageId, entry.messageId(), "the same message keeps its Message-ID");
        assertEquals(List.of(1L), query("SELECT count(*) FROM message WHERE entry_id = '" + again.value()
                + "' AND return_reason IS NULL AND refused_recipients IS NULL AND handed_off_at IS NULL"
                + " AND first_failure_at IS NULL AND submitted_at = " + NOW.toEpochMilli()),
                "the old refusal and hand-off are gone with the new trip");
    }

    private MessageFlags flagsOf(EntryId id) throws Exception {
        try (Connection c = ProfileSql.connect(profile)) {
            return MessageTable.find(c, id).orElseThrow().flags();
        }
    }

    private List<Long> query(String sql) throws Exception {
        return ProfileSql.longs(profile, sql);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(profile.resolve(name), text);
    }
}
