package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.envoi.message.RecipientType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMessageStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

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
    void aSavedDraftSurvivesReopeningTheProfile() {
        DraftContent content = new DraftContent(new MailAddress("Émile", "emile@example.org"),
                List.of(new Recipient(RecipientType.TO, new MailAddress("Doe, Jane", "jane@example.org")),
                        Recipient.cc("cc@example.org"), Recipient.bcc("hidden@example.org")),
                "Réunion – 予定 🗓", "Ligne 1\nLigne 2 — ünïcödé\n", List.of());
        Draft draft = new Draft(content);
        store.save(draft);
        EntryId id = draft.id();
        store.close();

        store = SqliteMessageStore.open(profile);
        Draft reopened = store.openDraft(id);
        assertEquals(content, reopened.content());
        assertTrue(reopened.flags().has(MessageFlag.UNSENT));
    }

    @Test
    void unmodifiedIsSetOnFirstSaveAndClearedOnTheNext() {
        Draft draft = Drafts.draft("flags");
        store.save(draft);
        assertTrue(store.openDraft(draft.id()).flags().has(MessageFlag.UNMODIFIED));
        draft.setContent(draft.content().withSubject("changed"));
        store.save(draft);
        assertFalse(store.openDraft(draft.id()).flags().has(MessageFlag.UNMODIFIED));
    }

    @Test
    void hasAttachIsSetWhenTheDraftHasAnAttachment() throws Exception {
        Attachment attachment = store.importAttachment(write("notes.txt", "hello"));
        Draft draft = new Draft(Drafts.simple("with file").withAttachments(List.of(attachment)));
        store.save(draft);
        assertTrue(store.openDraft(draft.id()).flags().has(MessageFlag.HASATTACH));
    }

    @Test
    void submitWithoutRecipientsIsRefusedAndQueuesNothing() {
        Draft draft = new Draft(Drafts.withoutRecipients());
        store.save(draft);
        assertThrows(NoRecipientsException.class, () -> store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT));
        assertTrue(store.outbox().isEmpty());
        assertNotNull(store.openDraft(draft.id()));
    }

    @Test
    void submitQueuesTheMessageAndRetiresTheDraftId() {
        Draft draft = Drafts.draft("to the queue");
        store.save(draft);
        EntryId draftId = draft.id();

        EntryId queued = store.submit(draftId, MessageStore.SubmitOptions.DEFAULT);

        assertNotEquals(draftId, queued);
        assertThrows(MessageNotFoundException.class, () -> store.openDraft(draftId));
        assertThrows(SubmittedException.class, () -> store.openDraft(queued));
        OutboxEntry entry = store.outbox().get(0);
        assertEquals(queued, entry.id());
        assertEquals(OutboxState.QUEUED, entry.state());
        assertEquals(NOW.plus(StoreSettings.DEFAULT_UNDO_WINDOW), entry.dueAt());
        assertTrue(entry.messageId().matches("<[0-9a-f-]{36}@example\\.org>"), entry.messageId());
    }

    @Test
    void submitSetsSubmitAndRecordsTheClientSubmitTimeAndSentClearsBoth() throws Exception {
        Draft draft = Drafts.draft("flags through the send path");
        store.save(draft);
        EntryId queued = store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT);
        MessageFlags inQueue = flagsOf(queued);
        assertTrue(inQueue.has(MessageFlag.SUBMIT) && inQueue.has(MessageFlag.UNSENT), inQueue.toString());
        assertFalse(inQueue.has(MessageFlag.UNMODIFIED));
        assertEquals(NOW, store.outbox().get(0).submittedAt(), "PR_CLIENT_SUBMIT_TIME");

        store.lockNextDue(NOW.plusSeconds(10)).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 OK", NOW);
        MessageFlags sent = flagsOf(store.fate(queued).orElseThrow().currentId());
        assertFalse(sent.has(MessageFlag.SUBMIT) || sent.has(MessageFlag.UNSENT), sent.toString());
    }

    @Test
    void theUndoWindowIsAProfileSettingFromZeroToSixtySeconds() {
        assertEquals(Duration.ofSeconds(5), store.settings().undoWindow(), "the default");
        assertThrows(IllegalArgumentException.class, () -> store.settings().setUndoWindow(Duration.ofSeconds(61)));
        assertThrows(IllegalArgumentException.class, () -> store.settings().setUndoWindow(Duration.ofSeconds(-1)));
        store.settings().setUndoWindow(Duration.ZERO);
        store.submit(Drafts.draft("at once"), MessageStore.SubmitOptions.DEFAULT);
        store.settings().setUndoWindow(Duration.ofSeconds(60));
        store.submit(Drafts.draft("a minute"), MessageStore.SubmitOptions.DEFAULT);
        assertEquals(List.of(NOW, NOW.plusSeconds(60)), store.outbox().stream().map(OutboxEntry::dueAt).toList());
    }

    @Test
    void theRetryLimitIsFiveDaysUnlessChanged() {
        assertEquals(Duration.ofDays(5), store.settings().retryLimit());
        store.settings().setRetryLimit(Duration.ofHours(2));
        assertEquals(Duration.ofHours(2), store.settings().retryLimit());
        assertThrows(IllegalArgumentException.class, () -> store.settings().setRetryLimit(Duration.ofSeconds(-1)));
    }

    @Test
    void theSubmittedHandleRefusesEverythingButClose() {
        Draft draft = Drafts.draft("handle");
        store.submit(draft, MessageStore.SubmitOptions.DEFAULT);
        assertThrows(IllegalStateException.class, draft::content);
        assertThrows(IllegalStateException.class, draft::id);
        assertThrows(IllegalStateException.class, () -> draft.setContent(Drafts.simple("x")));
        draft.close();
    }

    @Test
    void submitByIdReleasesHandlesOpenedEarlier() {
        Draft draft = Drafts.draft("open elsewhere");
        store.save(draft);
        Draft other = store.openDraft(draft.id());
        store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT);
        assertTrue(other.isReleased());
        assertTrue(draft.isReleased());
    }

    @Test
    void submitRemovesDuplicateRecipients() {
        Draft draft = new Draft(Drafts.simple("dupes").withRecipients(List.of(
                Recipient.to("jane@example.org"), Recipient.cc("JANE@example.org"), Recipient.bcc("bob@example.org"))));
        EntryId queued = store.submit(draft, MessageStore.SubmitOptions.DEFAULT);
        EntryId back = store.abortSubmit(queued);
        List<Recipient> recipients = store.openDraft(back).content().recipients();
        assertEquals(List.of(Recipient.to("jane@example.org"), Recipient.bcc("bob@example.org")), recipients);
    }

    @Test
    void sendLaterAndUndoWindowSetTheDueTime() {
        Instant later = NOW.plus(Duration.ofHours(3));
        store.submit(Drafts.draft("later"), new MessageStore.SubmitOptions(java.util.Optional.empty(),
                java.util.Optional.of(later)));
        store.submit(Drafts.draft("quick"), MessageStore.SubmitOptions.undo(Duration.ofSeconds(12)));
        store.submit(Drafts.draft("too long"), MessageStore.SubmitOptions.undo(Duration.ofMinutes(5)));
        List<OutboxEntry> outbox = store.outbox();
        assertEquals(later, outbox.get(0).dueAt());
        assertEquals(NOW.plusSeconds(12), outbox.get(1).dueAt());
        assertEquals(NOW.plusSeconds(60), outbox.get(2).dueAt(), "the undo window is at most 60 s");
    }

    @Test
    void abortSubmitBringsTheMessageBackToDraftsWithItsFlags() {
        Draft draft = Drafts.draft("take it back");
        DraftContent content = draft.content();
        EntryId queued = store.submit(draft, MessageStore.SubmitOptions.DEFAULT);
        assertTrue(store.canAbort(queued));

        EntryId back = store.abortSubmit(queued);

        Draft reopened = store.openDraft(back);
        assertEquals(content, reopened.content());
        assertTrue(reopened.flags().has(MessageFlag.UNSENT));
        assertFalse(reopened.flags().has(MessageFlag.SUBMIT));
        assertTrue(store.outbox().isEmpty());
        assertFalse(store.canAbort(queued));
        assertThrows(NotInQueueException.class, () -> store.abortSubmit(queued));
    }

    @Test
    void abortAfterTheHandOffPointIsRefused() {
        EntryId queued = store.submit(Drafts.draft("too late"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        QueuedMessage locked = store.lockNextDue(NOW).orElseThrow();
        assertTrue(store.canAbort(queued), "locked but not handed off: still cancellable");
        store.recordHandOff(locked.id());
        assertFalse(store.canAbort(queued));
        assertThrows(UnableToAbortException.class, () -> store.abortSubmit(queued));
    }

    @Test
    void handOffIsRefusedOnceTheMessageWasCancelled() {
        EntryId queued = store.submit(Drafts.draft("cancelled mid-way"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(NOW).orElseThrow();
        store.abortSubmit(queued);
        assertThrows(NotInQueueException.class, () -> store.recordHandOff(queued));
    }

    @Test
    void aDeliveredMessageMovesToSentAndCannotBeAborted() {
        EntryId queued = store.submit(Drafts.draft("delivered"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(NOW).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 OK", NOW);
        assertThrows(NotInQueueException.class, () -> store.abortSubmit(queued));
        assertEquals(1, store.sent().size());
        MessageFate fate = store.fate(queued).orElseThrow();
        assertEquals(Folder.SENT, fate.folder());
        assertTrue(fate.isSettled());
    }

    @Test
    void deleteAfterSendLeavesNothingInSent() {
        store.settings().setDeleteAfterSend(true);
        EntryId queued = store.submit(Drafts.draft("gone"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(NOW).orElseThrow();
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 OK", NOW);
        assertTrue(store.sent().isEmpty());
        assertEquals(Folder.DELETED, store.fate(queued).orElseThrow().folder());
    }

    @Test
    void dueMessagesAreTakenInSubmitOrderAndOthersWait() {
        store.submit(Drafts.draft("first in, due at +2 s"), MessageStore.SubmitOptions.undo(Duration.ofSeconds(2)));
        store.submit(Drafts.draft("second in, due at +1 s"), MessageStore.SubmitOptions.undo(Duration.ofSeconds(1)));
        store.submit(Drafts.draft("third in, due now"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.submit(Drafts.draft("not yet"), MessageStore.SubmitOptions.undo(Duration.ofSeconds(30)));
        Instant soon = NOW.plusMillis(1500);
        assertEquals("second in, due at +1 s", store.lockNextDue(soon).orElseThrow().content().subject(),
                "of the due messages, the one submitted first");
        assertEquals("third in, due now", store.lockNextDue(soon).orElseThrow().content().subject());
        assertTrue(store.lockNextDue(soon).isEmpty(), "the first one in is not due yet");
        assertEquals("first in, due at +2 s", store.lockNextDue(NOW.plusSeconds(5)).orElseThrow().content().subject());
        assertTrue(store.lockNextDue(NOW.plusSeconds(5)).isEmpty());
        assertEquals(NOW.plusSeconds(30), store.nextDueAt().orElseThrow());
    }

    @Test
    void restartRecoveryRequeuesUnhandedAndMarksHandedOffUncertain() {
        EntryId a = store.submit(Drafts.draft("locked only"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        EntryId b = store.submit(Drafts.draft("handed off"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(NOW).orElseThrow();
        store.lockNextDue(NOW).orElseThrow();
        store.recordHandOff(b);
        store.close();

        store = SqliteMessageStore.open(profile, Clock.fixed(NOW, ZoneOffset.UTC));
        OutgoingQueue.RecoveryReport report = store.recoverAfterRestart();

        assertEquals(new OutgoingQueue.RecoveryReport(1, 1), report);
        assertEquals(OutboxState.QUEUED, stateOf(a));
        assertEquals(OutboxState.UNCERTAIN, stateOf(b));
        assertFalse(store.canAbort(b));
        QueuedMessage next = store.lockNextDue(NOW).orElseThrow();
        assertEquals(a, next.id());
        assertTrue(store.lockNextDue(NOW).isEmpty(), "an uncertain message is never taken again by itself");
    }

    @Test
    void resendingAnUncertainMessageKeepsItsMessageId() {
        EntryId queued = store.submit(Drafts.draft("unsure"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        QueuedMessage first = store.lockNextDue(NOW).orElseThrow();
        store.recordHandOff(queued);
        store.markUncertain(queued, "connection reset after end of data");
        store.resend(queued);
        QueuedMessage again = store.lockNextDue(NOW).orElseThrow();
        assertEquals(first.messageId(), again.messageId());
    }

    @Test
    void permanentRefusalReturnsTheMessageToDraftsWithTheReason() {
        EntryId queued = store.submit(Drafts.draft("refused"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(NOW).orElseThrow();
        store.returnToDrafts(queued, "550 5.1.1 no such user", List.of(MailAddress.of("jane@example.org")));
        MessageFate fate = store.fate(queued).orElseThrow();
        assertEquals(Folder.DRAFTS, fate.folder());
        Draft back = store.openDraft(fate.currentId());
        assertEquals("550 5.1.1 no such user", back.returnReason());
        assertEquals(List.of(MailAddress.of("jane@example.org")), back.refusedRecipients());
        assertEquals("550 5.1.1 no such user", store.drafts().get(0).returnReason());
    }

    @Test
    void usedAddressesAreOfferedForCompletion() {
        store.submit(new Draft(Drafts.simple("a").withRecipients(List.of(
                new Recipient(RecipientType.TO, new MailAddress("Jane Doe", "jane@example.org"))))),
                MessageStore.SubmitOptions.DEFAULT);
        store.submit(Drafts.draft("b"), MessageStore.SubmitOptions.DEFAULT);
        List<MailAddress> found = store.knownAddresses("ja", 5);
        assertEquals(List.of(new MailAddress("Jane Doe", "jane@example.org")), found);
        assertEquals(found, store.knownAddresses("Jane D", 5));
        assertTrue(store.knownAddresses("%", 5).isEmpty(), "LIKE wildcards are taken literally");
    }

    @Test
    void eventsTellListenersAboutSubmitAndAbort() throws Exception {
        java.util.concurrent.BlockingQueue<QueueEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (QueueSubscription ignored = store.subscribe(events::add)) {
            EntryId queued = store.submit(Drafts.draft("events"), MessageStore.SubmitOptions.DEFAULT);
            assertEquals(new QueueEvent.Queued(queued), events.poll(5, java.util.concurrent.TimeUnit.SECONDS));
            EntryId back = store.abortSubmit(queued);
            assertEquals(new QueueEvent.Aborted(queued, back), events.poll(5, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    @Test
    void anotherProcessesChangeIsNoticed() throws Exception {
        java.util.concurrent.BlockingQueue<QueueEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        try (QueueSubscription ignored = store.subscribe(events::add);
             SqliteMessageStore other = SqliteMessageStore.open(profile)) {
            EntryId queued = other.submit(Drafts.draft("from elsewhere"), MessageStore.SubmitOptions.DEFAULT);
            QueueEvent event = events.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(new QueueEvent.ExternalChange(), event);
            assertTrue(store.canAbort(queued));
            store.abortSubmit(queued);
            assertFalse(other.canAbort(queued));
        }
    }

    @Test
    void theProfileIsReadableByItsOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "owner-only permissions need a POSIX file system");
        store.close();
        Path fresh = profile.resolve("fresh-profile");
        store = SqliteMessageStore.open(fresh);
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh.resolve(SqliteMessageStore.DATABASE_FILE))));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh.resolve(SqliteMessageStore.VAULT_FOLDER))), "the attachments too");
    }

    @Test
    void aProfileOnAPathWithSpacesAndNonAsciiCharactersWorks() {
        store.close();
        Path odd = profile.resolve("Mes documents/Envoi — été 🌞");
        store = SqliteMessageStore.open(odd);
        Draft draft = Drafts.draft("odd path");
        store.save(draft);
        assertEquals("odd path", store.openDraft(draft.id()).content().subject());
    }

    private MessageFlags flagsOf(EntryId id) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE))) {
            return MessageTable.find(c, id).orElseThrow().flags();
        }
    }

    private OutboxState stateOf(EntryId id) {
        return store.outbox().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow().state();
    }

    private Path write(String name, String text) throws Exception {
        Path file = profile.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
