package dev.envoi.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.DraftContent;
import dev.envoi.message.MailAddress;
import dev.envoi.message.Recipient;
import dev.envoi.message.RecipientType;
import dev.envoi.store.SqliteMessageStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's promises, one at a time, across a power cut on the power-cut file system: what a
 * call returned survives losing everything that was not synced. The campaign found each of these.
 */
class PowerCutStoreTest {

    @TempDir
    Path root;
    private Path live;
    private Path disk;

    @BeforeEach
    void fuseWorksHere() throws Exception {
        assumeTrue(PowerCutFs.unavailableReason(root).isEmpty(), () -> "skipped: " + PowerCutFs.unavailableReason(root));
        live = Files.createDirectories(root.resolve("live"));
        disk = Files.createDirectories(root.resolve("disk"));
    }

    @Test
    void aDraftSavedInANewProfileSurvivesAPowerCut() throws Exception {
        Path image;
        try (PowerCutFs fs = PowerCutFs.mount(live, disk, root.resolve("image"), 1, false)) {
            try (SqliteMessageStore store = SqliteMessageStore.open(disk.resolve("profiles").resolve("new profile"))) {
                store.save(new Draft(content("kept", List.of())));
            }
            fs.cut();
            image = fs.image();
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(image.resolve("profiles").resolve("new profile"))) {
            assertEquals(List.of("kept"), store.drafts().stream().map(d -> d.subject()).toList());
        }
    }

    @Test
    void anAttachmentSavedWithADraftSurvivesAPowerCut() throws Exception {
        SqliteMessageStore.open(live.resolve("profile")).close(); // an old profile, on the disk already
        byte[] bytes = new byte[100_000];
        new Random(7).nextBytes(bytes);
        Path image;
        try (PowerCutFs fs = PowerCutFs.mount(live, disk, root.resolve("image"), 1, false)) {
            try (SqliteMessageStore store = SqliteMessageStore.open(disk.resolve("profile"))) {
                Attachment file = store.importAttachment("photo.jpg", new ByteArrayInputStream(bytes));
                store.save(new Draft(content("with a photo", List.of(file))));
            }
            fs.cut();
            image = fs.image();
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(image.resolve("profile"))) {
            DraftContent saved = store.openDraft(store.drafts().get(0).id()).content();
            try (InputStream in = store.openAttachment(saved.attachments().get(0))) {
                assertArrayEquals(bytes, in.readAllBytes());
            }
        }
    }

    private static DraftContent content(String subject, List<Attachment> attachments) {
        return new DraftContent(MailAddress.of("me@example.org"),
                List.of(new Recipient(RecipientType.TO, MailAddress.of("you@example.org"))), subject, "body", attachments);
    }
}
