package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.EntryId;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sent retention setting on a real store and vault (issue 21): old mail goes, and its files with it. */
class SentRetentionTest {

    @TempDir
    Path profile;
    /** Starts at the real time: the vault's files carry the real time of their import. */
    private Instant now = Instant.now();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void keepingTheLastMessagesDeletesTheOthersAndFreesTheirFiles() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile, clock)) {
            Attachment shared = store.importAttachment("shared.txt", bytes("used by an old message and a draft"));
            List<Attachment> own = new ArrayList<>();
            List<EntryId> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Attachment file = store.importAttachment("own-" + i + ".txt", bytes("only message " + i + " has this"));
                own.add(file);
                List<Attachment> files = i == 0 ? List.of(file, shared) : List.of(file);
                sent.add(send(store, "message " + i, files));
                now = now.plusSeconds(60);
            }
            Draft draft = new Draft(Drafts.simple("still writing").withAttachments(List.of(shared)));
            store.save(draft);
            store.settings().setSentRetention(SentRetention.messages(2));
            assertEquals(SentRetention.messages(2), store.settings().sentRetention());

            now = now.plus(SentPruner.VAULT_GRACE).plusSeconds(1);
            assertEquals(3, store.applySentRetention());

            assertEquals(List.of("message 4", "message 3"), store.sent().stream().map(MessageSummary::subject).toList());
            for (int i = 0; i < 5; i++) {
                assertEquals(i >= 3, Files.exists(vaultFile(own.get(i))), "file of message " + i);
            }
            assertTrue(Files.exists(vaultFile(shared)), "a draft still uses the shared file");
            assertEquals(Optional.empty(), store.fate(sent.get(0)), "the deleted message's ids are forgotten");
            assertEquals(0, store.applySentRetention(), "nothing more to delete");
        }
    }

    @Test
    void keepingDaysDeletesOlderMessagesButNotFilesImportedJustNow() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile, clock)) {
            Instant today = now;
            now = today.minus(Duration.ofDays(40));
            Attachment old = store.importAttachment("old.txt", bytes("sent long ago"));
            send(store, "old", List.of(old));
            now = today;
            send(store, "recent", List.of());
            store.settings().setSentRetention(SentRetention.days(30));
            // The same bytes imported again for a window's new message: the file is fresh, so it stays.
            Attachment again = store.importAttachment("again.txt", bytes("sent long ago"));
            assertEquals(old.sha256(), again.sha256());

            assertEquals(1, store.applySentRetention());

            assertEquals(List.of("recent"), store.sent().stream().map(MessageSummary::subject).toList());
            assertTrue(Files.exists(vaultFile(old)), "imported again moments ago: not freed");
        }
    }

    @Test
    void whatAChoiceWouldDeleteIsCountedBeforeAndNothingIsDeletedByCounting() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile, clock)) {
            Instant today = now;
            for (int daysAgo : new int[] {50, 40, 20, 10, 0}) {
                now = today.minus(Duration.ofDays(daysAgo));
                send(store, daysAgo + " days ago", List.of());
            }
            now = today;
            assertEquals(2, store.countSentBeyond(SentRetention.days(30)));
            assertEquals(3, store.countSentBeyond(SentRetention.messages(2)));
            assertEquals(0, store.countSentBeyond(SentRetention.messages(5)));
            assertEquals(0, store.countSentBeyond(SentRetention.KEEP_ALL));
            assertEquals(5, store.sentCount(), "counting deletes nothing");
            assertEquals(SentRetention.KEEP_ALL, store.settings().sentRetention(), "counting changes no setting");

            store.settings().setSentRetention(SentRetention.days(30));
            assertEquals(2, store.applySentRetention(), "the count said what applying does");
        }
    }

    @Test
    void keepAllIsTheDefaultAndNonsenseIsRefused() {
        try (SqliteMessageStore store = SqliteMessageStore.open(profile, clock)) {
            send(store, "kept", List.of());
            assertEquals(SentRetention.KEEP_ALL, store.settings().sentRetention());
            assertEquals(0, store.applySentRetention());
            assertEquals(1, store.sentCount());
            assertThrows(IllegalArgumentException.class, () -> SentRetention.days(0));
            store.settings().setSentRetention(SentRetention.days(3));
            store.settings().setSentRetention(SentRetention.KEEP_ALL);
            assertEquals(SentRetention.KEEP_ALL, store.settings().sentRetention());
            assertFalse(store.sent().isEmpty());
        }
    }

    /** Submits and files a message in Sent through the spooler's side of the real store. */
    private EntryId send(SqliteMessageStore store, String subject, List<Attachment> files) {
        DraftContent content = Drafts.simple(subject).withAttachments(files);
        EntryId queued = store.submit(new Draft(content), SubmitOptions.undo(Duration.ZERO));
        QueuedMessage message = store.lockNextDue(now).orElseThrow();
        assertEquals(queued, message.id());
        store.recordHandOff(queued);
        store.markDelivered(queued, "250 ok", now, true, "");
        return queued;
    }

    private Path vaultFile(Attachment attachment) {
        String hash = attachment.sha256();
        return profile.resolve(SqliteMessageStore.VAULT_FOLDER).resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
