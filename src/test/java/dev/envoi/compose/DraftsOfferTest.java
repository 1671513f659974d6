package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.EntryId;
import dev.envoi.store.Drafts;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.SqliteMessageStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window opened with nothing to compose says how many drafts wait, and first how many came back
 * refused; it counts them in the store rather than reading every draft (issue 21: a year of use).
 */
class DraftsOfferTest {

    @TempDir
    Path profile;
    private final Locale before = Locale.getDefault();
    private ComposeFixture fixture;

    @BeforeEach
    void setUp() {
        Locale.setDefault(Locale.ENGLISH);
        fixture = new ComposeFixture(profile);
    }

    @AfterEach
    void tearDown() throws Exception {
        fixture.close();
        Locale.setDefault(before);
    }

    @Test
    void theWaitingDraftsAreCountedAndTheRefusedOnesSaidFirst() throws Exception {
        SqliteMessageStore store = fixture.store;
        store.save(Drafts.draft("kept for later"));
        store.save(Drafts.draft("another one"));
        ComposeViewModel model = fixture.newViewModel();
        model.offerDrafts();
        awaitStatus(model, "2 drafts");

        EntryId queued = store.submit(Drafts.draft("refused"), SubmitOptions.undo(Duration.ZERO));
        store.lockNextDue(Instant.now()).orElseThrow();
        store.returnToDrafts(queued, "550 no such user", List.of());
        assertEquals(1, store.returnedDraftCount());
        assertEquals(3, store.draftCount());
        assertEquals(store.drafts().stream().filter(d -> !d.returnReason().isEmpty()).count(), store.returnedDraftCount(),
                "the count agrees with the list");

        ComposeViewModel next = fixture.newViewModel();
        next.offerDrafts();
        awaitStatus(next, "1 message was not sent");
        List<MessageSummary> drafts = store.drafts();
        assertEquals(3, drafts.size());
    }

    /** The answer comes back through the stand-in UI thread, which runs what is queued. */
    private void awaitStatus(ComposeViewModel model, String words) throws InterruptedException {
        for (int i = 0; i < 250 && !model.statusProperty().get().contains(words); i++) {
            fixture.ui.runPending();
            Thread.sleep(20);
        }
        assertEquals(true, model.statusProperty().get().contains(words), "the status says " + words + ": "
                + model.statusProperty().get());
    }
}
