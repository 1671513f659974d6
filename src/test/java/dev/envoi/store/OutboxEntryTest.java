package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One message of the outbox by its id, as the list has it, without reading the list: the desktop
 * notices ask it for every retry, and with the network down every queued message retries (issue 21).
 */
class OutboxEntryTest {

    @TempDir
    Path profile;

    @Test
    void aQueuedMessageIsFoundAsTheListHasItAndOthersAreNot() throws Exception {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            EntryId first = store.submit(Drafts.draft("first"), SubmitOptions.undo(Duration.ZERO));
            EntryId second = store.submit(Drafts.draft("second"), SubmitOptions.undo(Duration.ofMinutes(5)));
            for (OutboxEntry listed : store.outbox()) {
                assertEquals(Optional.of(listed), store.outboxEntry(listed.id()), "the same entry as the list's");
            }
            assertEquals(List.of(first, second), store.outbox().stream().map(OutboxEntry::id).toList());

            store.lockNextDue(Instant.now()).orElseThrow();
            store.recordHandOff(first);
            store.markDelivered(first, "250 OK", Instant.now(), true, "");
            assertEquals(Optional.empty(), store.outboxEntry(first), "a sent message is not in the outbox");
            assertEquals(Optional.empty(), store.outboxEntry(EntryId.parseOrNull("aaaaaaaaaaaaaaaaaaaa")), "an unknown id");
            assertEquals("second", store.outboxEntry(second).orElseThrow().subject());
        }
    }
}
