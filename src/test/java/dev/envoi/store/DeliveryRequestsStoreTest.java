package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A message's delivery requests go wherever the message goes: Drafts, the outbox, back, and Sent. */
class DeliveryRequestsStoreTest {

    private static final DeliveryRequests BOTH = new DeliveryRequests(true, true);

    @TempDir
    Path profile;
    private SqliteMessageStore store;

    @BeforeEach
    void open() {
        store = SqliteMessageStore.open(profile);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static DraftContent asking(DeliveryRequests requests) {
        return Drafts.simple("tell me").withDeliveryRequests(requests);
    }

    @ParameterizedTest
    @CsvSource({"true, false", "false, true", "true, true", "false, false"})
    void aSavedDraftKeepsItsRequestsAcrossAReopenedProfile(boolean notify, boolean receipt) {
        Draft draft = new Draft(asking(new DeliveryRequests(notify, receipt)));
        store.save(draft);
        store.close();
        store = SqliteMessageStore.open(profile);
        assertEquals(new DeliveryRequests(notify, receipt), store.openDraft(draft.id()).content().deliveryRequests());
    }

    @Test
    void savingAgainChangesAndClearsThem() {
        Draft draft = new Draft(asking(BOTH));
        store.save(draft);
        draft.setContent(draft.content().withDeliveryRequests(new DeliveryRequests(false, true)));
        store.save(draft);
        assertEquals(new DeliveryRequests(false, true), store.openDraft(draft.id()).content().deliveryRequests());
        draft.setContent(draft.content().withDeliveryRequests(DeliveryRequests.NONE));
        store.save(draft);
        assertEquals(DeliveryRequests.NONE, store.openDraft(draft.id()).content().deliveryRequests());
    }

    @Test
    void theSpoolerGetsThemAndACancelGivesThemBack() {
        EntryId queued = store.submit(new Draft(asking(BOTH)), SubmitOptions.undo(Duration.ofSeconds(30)));
        EntryId draftId = store.abortSubmit(queued);
        assertEquals(BOTH, store.openDraft(draftId).content().deliveryRequests());

        // Submitted again by id, the stored hash (which covers the requests) still checks.
        store.submit(draftId, SubmitOptions.undo(Duration.ZERO));
        QueuedMessage locked = store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow();
        assertEquals(BOTH, locked.content().deliveryRequests());
    }

    @Test
    void aRefusedMessageComesBackWithThemAndASentOneKeepsThem() {
        store.submit(new Draft(asking(new DeliveryRequests(true, false))), SubmitOptions.undo(Duration.ZERO));
        QueuedMessage refused = store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow();
        store.returnToDrafts(refused.id(), "550 no", List.of());
        EntryId back = store.fate(refused.id()).orElseThrow().currentId();
        assertEquals(new DeliveryRequests(true, false), store.openDraft(back).content().deliveryRequests());

        store.submit(back, SubmitOptions.undo(Duration.ZERO));
        QueuedMessage sent = store.lockNextDue(Instant.now().plusSeconds(1)).orElseThrow();
        store.recordHandOff(sent.id());
        store.markDelivered(sent.id(), "250 ok", Instant.now());
        EntryId sentId = store.fate(sent.id()).orElseThrow().currentId();
        assertEquals(new DeliveryRequests(true, false), store.sentContent(sentId).deliveryRequests());
    }

    @Test
    void aRequestChangedBehindTheStoresBackFailsTheIntegrityCheck() throws Exception {
        Draft draft = new Draft(asking(new DeliveryRequests(true, false)));
        store.save(draft);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE message SET read_receipt = 1");
        }
        assertThrows(CorruptDataException.class, () -> store.submit(draft.id(), SubmitOptions.undo(Duration.ZERO)));
    }
}
