package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import dev.envoi.message.RecipientType;
import dev.envoi.message.UnparsedRecipient;
import dev.envoi.store.MessageStore.SubmitOptions;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.store.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, "an invalid one stays": an address typed wrong is kept in the saved draft
 * as typed, across a reopen of the profile, and comes back as an invalid chip with its reason; the
 * store never sends a message that holds one (it would go without that recipient).
 */
@Timeout(60)
class InvalidAddressDraftTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path profile;
    private ComposeFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ComposeFixture(profile);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        fixture.close();
    }

    @Test
    void anInvalidAddressIsKeptInTheDraftAndShownAgainAsInvalid() throws Exception {
        ComposeViewModel model = fixture.newViewModel();
        model.message().to().commit("jane@example.org, jane at example");
        model.message().showCcBccProperty().set(true);
        model.message().bcc().commit("bob@@example.org");
        model.message().subjectProperty().set("Kept");
        assertEquals(2, model.message().to().chips().size());
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "saved");
        model.dispose();
        EntryId id = fixture.store.drafts().get(0).id();
        fixture.store.close();

        // Another run of Envoi on the same profile.
        try (SqliteMessageStore reopened = SqliteMessageStore.open(profile); Draft draft = reopened.openDraft(id)) {
            assertEquals(List.of(new UnparsedRecipient(RecipientType.TO, "jane at example"),
                    new UnparsedRecipient(RecipientType.BCC, "bob@@example.org")), draft.content().unparsed());
        }
        ComposeFixture again = new ComposeFixture(profile);
        try {
            ComposeViewModel other = again.newViewModel();
            other.message().open(id);
            again.ui.runUntil(() -> other.message().to().chips().size() == 2, WAIT, "opened");
            assertEquals(List.of("jane@example.org", "jane at example"),
                    other.message().to().chips().stream().map(RecipientChip::text).toList());
            RecipientChip invalid = other.message().to().invalid().get(0);
            assertEquals("jane at example", invalid.text());
            assertFalse(invalid.problem().isEmpty(), "its reason is shown again");
            assertEquals(List.of("bob@@example.org"), other.message().bcc().invalid().stream().map(RecipientChip::text).toList());
            assertTrue(other.message().showCcBccProperty().get(), "Bcc shows: it holds something");
            assertFalse(other.message().dirtyProperty().get(), "opening is not a change");
            other.dispose();
        } finally {
            again.close();
        }
    }

    @Test
    void theStoreRefusesToSubmitADraftWithAnUnparsedRecipient() throws Exception {
        EntryId saved;
        try (Draft draft = new Draft(dev.envoi.store.Drafts.simple("Not yet").withUnparsed(
                List.of(new UnparsedRecipient(RecipientType.CC, "jane at example"))))) {
            fixture.store.save(draft);
            saved = draft.id();
        }
        StoreException refused = assertThrows(StoreException.class,
                () -> fixture.store.submit(saved, SubmitOptions.undo(Duration.ZERO)));
        assertTrue(refused.getMessage().contains("“jane at example” is not an address"), refused.getMessage());
        assertTrue(fixture.store.outbox().isEmpty());
        assertEquals(1, fixture.store.drafts().size(), "the draft stays, with what was typed");
    }
}
