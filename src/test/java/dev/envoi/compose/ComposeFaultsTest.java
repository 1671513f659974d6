package dev.envoi.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.EntryId;
import dev.envoi.message.MailAddress;
import dev.envoi.store.MessageSummary;
import dev.envoi.store.SqliteMessageStore;
import dev.envoi.testing.SmallDisk;
import dev.envoi.transport.PickupFolderTransport;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose window's promise under faults, on a real store: a full disk, a vault file damaged
 * behind Envoi's back (a read-only profile is in ProfileFaultsTest: a window cannot open one). The error names the cause, what was saved before is
 * intact, and the window keeps every field the user typed.
 */
@Timeout(60)
class ComposeFaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path files;
    private SmallDisk disk;
    private ComposeFixture fixture;
    private ComposeViewModel model;

    @AfterEach
    void tearDown() throws Exception {
        if (model != null) {
            model.dispose();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    private void openOn(Path profile) {
        fixture = new ComposeFixture(profile);
        model = fixture.newViewModel();
    }

    private void write(String subject, String body) {
        model.message().to().commit("\"Doe, Jane\" <jane@example.org>");
        model.message().subjectProperty().set(subject);
        model.message().bodyProperty().set(body);
    }

    private void save() throws InterruptedException {
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get() || !model.errorProperty().get().isEmpty(),
                WAIT,
                "the save is done");
    }

    private void assertTheWindowStillHolds(String subject, String body) {
        assertEquals(List.of(new MailAddress("Doe, Jane", "jane@example.org")), model.message().to().addresses());
        assertEquals(subject, model.message().subjectProperty().get());
        assertTrue(body.equals(model.message().bodyProperty().get()), "the body is kept");
        assertInstanceOf(SendState.Editing.class, model.sending().sendStateProperty().get());
    }

    private Path file(String name, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(files.resolve(name), bytes);
    }

    @Test
    void aFullDiskWhileSavingNamesTheCauseKeepsTheTextAndTheEarlierSave() throws Exception {
        disk = SmallDisk.mount(1024);
        openOn(disk.root().resolve("profile"));
        write("Budget", "first version");
        save();
        assertEquals("", model.errorProperty().get());
        disk.fill();

        String longBody = "second version ".repeat(40_000);
        model.message().bodyProperty().set(longBody);
        save();

        assertTrue(model.errorProperty().get().contains("is full"), model.errorProperty().get());
        assertTrue(model.message().dirtyProperty().get(), "still unsaved");
        assertTheWindowStillHolds("Budget", longBody);
        MessageSummary saved = fixture.store.drafts().get(0);
        assertTrue("first version".equals(fixture.store.openDraft(saved.id()).content().body()), "the earlier save is intact");

        disk.free();
        model.message().saveDraft();
        fixture.ui.runUntil(() -> !model.message().dirtyProperty().get(), WAIT, "saved once there is room");
        assertTrue(longBody.equals(fixture.store.openDraft(saved.id()).content().body()), "saved once there is room");
    }

    @Test
    void aFullDiskWhileCopyingAnAttachmentNamesTheFileAndTheCause() throws Exception {
        disk = SmallDisk.mount(1024);
        openOn(disk.root().resolve("profile"));
        write("Photos", "attached");
        save();
        disk.fill();

        model.message().attach(List.of(file("holiday.jpg", 300_000)));
        fixture.ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "the copy fails");

        String error = model.errorProperty().get();
        assertTrue(error.contains("holiday.jpg") && error.contains("disk is full"), error);
        assertTrue(model.message().attachments().isEmpty());
        assertTheWindowStillHolds("Photos", "attached");
        try (Stream<Path> leftovers = Files.list(disk.root().resolve("profile").resolve("vault").resolve(".incoming"))) {
            assertEquals(0, leftovers.count(), "no half-copied file is left behind");
        }
    }

    @Test
    void aVaultFileDamagedBehindEnvoisBackIsTakenAgainFromItsFileAndSentIntact() throws Exception {
        openOn(files.resolve("profile"));
        fixture.store.settings().setUndoWindow(Duration.ZERO);
        Path report = file("report.pdf", 200_000);
        write("Report", "see attached");
        model.message().attach(List.of(report));
        fixture.ui.runUntil(() -> model.message().attachments().size() == 1, WAIT, "attached");
        Attachment stored = model.message().attachments().get(0).attachment();
        flipAByteOf(vaultFile(stored));
        Path pickup = files.resolve("pickup");
        fixture.startSpooler(new PickupFolderTransport(pickup));

        model.sending().send();
        fixture.ui.runUntil(() -> model.sending().sendStateProperty().get() instanceof SendState.HandedOff
                || !model.errorProperty().get().isEmpty(), WAIT, "sent");

        assertEquals("", model.errorProperty().get());
        try (InputStream in = fixture.store.openAttachment(stored)) {
            in.transferTo(OutputStream.nullOutputStream()); // verifies size and hash: the vault file is whole again
        }
        try (Stream<Path> eml = Files.list(pickup).filter(p -> p.toString().endsWith(".eml"))) {
            assertEquals(1, eml.count());
        }
    }

    @Test
    void aVaultFileDamagedWhenItsOriginalIsGoneIsNeverSentAndTheWindowKeepsEverything() throws Exception {
        openOn(files.resolve("profile"));
        Path report = file("report.pdf", 50_000);
        write("Report", "see attached");
        model.message().attach(List.of(report));
        fixture.ui.runUntil(() -> model.message().attachments().size() == 1, WAIT, "attached");
        flipAByteOf(vaultFile(model.message().attachments().get(0).attachment()));
        Files.delete(report);

        model.sending().send();
        fixture.ui.runUntil(() -> !model.errorProperty().get().isEmpty(), WAIT, "the send fails");

        String error = model.errorProperty().get();
        assertTrue(error.contains("report.pdf") && error.contains("damaged"), error);
        assertTheWindowStillHolds("Report", "see attached");
        assertEquals(1, model.message().attachments().size(), "the attachment stays listed, to be attached again");
        assertTrue(fixture.store.outbox().isEmpty(), "nothing damaged is queued");
    }

    private Path vaultFile(Attachment attachment) {
        return fixture.profile.resolve(SqliteMessageStore.VAULT_FOLDER).resolve(attachment.sha256().substring(0, 2))
                .resolve(attachment.sha256());
    }

    private static void flipAByteOf(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);
    }
}
