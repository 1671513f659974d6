package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.Attachment;
import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import dev.envoi.message.OutboxState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Changes made behind Envoi's back are caught at submit or transfer, and never sent. */
class StoreIntegrityTest {

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

    @Test
    void aFieldChangedInTheDatabaseIsCorruptDataAtSubmit() throws Exception {
        Draft draft = Drafts.draft("original subject");
        store.save(draft);
        sql("UPDATE message SET subject = 'tampered'");
        assertThrows(CorruptDataException.class, () -> store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT));
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void aRecipientAddedBehindEnvoisBackIsCorruptData() throws Exception {
        Draft draft = Drafts.draft("injected");
        store.save(draft);
        sql("INSERT INTO recipient (message, position, type, display_name, address) "
                + "SELECT id, 9, 'BCC', '', 'spy@example.net' FROM message");
        assertThrows(CorruptDataException.class, () -> store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT));
    }

    @Test
    void aFlippedByteInAnAttachmentIsCorruptDataAtSubmit() throws Exception {
        Attachment attachment = attach(4096);
        Draft draft = new Draft(Drafts.simple("file").withAttachments(List.of(attachment)));
        store.save(draft);
        Path vaultFile = profile.resolve("vault").resolve(attachment.sha256().substring(0, 2)).resolve(attachment.sha256());
        byte[] bytes = Files.readAllBytes(vaultFile);
        bytes[100] ^= 0x01;
        Files.write(vaultFile, bytes);
        CorruptDataException e = assertThrows(CorruptDataException.class,
                () -> store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT));
        assertTrue(e.getMessage().contains("data.bin"), e.getMessage());
        assertTrue(store.outbox().isEmpty());
    }

    @Test
    void aTruncatedOrMissingAttachmentIsCorruptDataAtSubmit() throws Exception {
        Attachment attachment = attach(4096);
        Draft draft = new Draft(Drafts.simple("file").withAttachments(List.of(attachment)));
        store.save(draft);
        Path vaultFile = profile.resolve(SqliteMessageStore.VAULT_FOLDER).resolve(attachment.sha256().substring(0, 2))
                .resolve(attachment.sha256());
        Files.write(vaultFile, new byte[10]);
        assertThrows(CorruptDataException.class, () -> store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT));
        Files.delete(vaultFile);
        assertThrows(CorruptDataException.class, () -> store.submit(draft.id(), MessageStore.SubmitOptions.DEFAULT));
    }

    @Test
    void aQueuedMessageDamagedBeforeTransferIsMarkedAndSkipped() throws Exception {
        EntryId damaged = store.submit(Drafts.draft("damaged"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        EntryId healthy = store.submit(Drafts.draft("healthy"), MessageStore.SubmitOptions.undo(Duration.ZERO));
        sql("UPDATE message SET body = 'changed' WHERE subject = 'damaged'");
        Instant later = Instant.now().plusSeconds(1);
        assertThrows(CorruptDataException.class, () -> store.lockNextDue(later));
        assertEquals(healthy, store.lockNextDue(later).orElseThrow().id());
        OutboxEntry entry = store.outbox().stream().filter(e -> e.id().equals(damaged)).findFirst().orElseThrow();
        assertEquals(OutboxState.FAILED, entry.state());
        assertTrue(entry.lastError().startsWith("Damaged"), entry.lastError());
    }

    /** 200 KB is hashed as it is read; 3 MB on another thread, behind the reader (HashBehindInputStream). */
    @ParameterizedTest(name = "{0} bytes, byte {1} changed")
    @CsvSource({"200000, 150000", "3000000, 0", "3000000, 1500000", "3000000, 2999999"})
    void readingAChangedVaultFileFailsBeforeItsEnd(int size, int changed) throws Exception {
        Attachment attachment = attach(size);
        Path vaultFile = vaultFile(attachment);
        byte[] bytes = Files.readAllBytes(vaultFile);
        bytes[changed] ^= 0x40;
        Files.write(vaultFile, bytes);
        try (InputStream in = store.openAttachment(attachment)) {
            assertThrows(CorruptAttachmentException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    /** Skipped bytes are checked too: a reader that skips the damaged part still gets the failure. */
    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {200_000, 3_000_000})
    void skippingOverAChangedByteStillFails(int size) throws Exception {
        Attachment attachment = attach(size);
        Path vaultFile = vaultFile(attachment);
        byte[] bytes = Files.readAllBytes(vaultFile);
        bytes[size / 2] ^= 0x40;
        Files.write(vaultFile, bytes);
        try (InputStream in = store.openAttachment(attachment)) {
            assertEquals(size - 10, in.skip(size - 10));
            assertThrows(CorruptAttachmentException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {200_000, 3_000_000})
    void aVaultFileThatGrewOrShrankFailsBeforeItsEnd(int size) throws Exception {
        Attachment attachment = attach(size);
        Path vaultFile = vaultFile(attachment);
        byte[] bytes = Files.readAllBytes(vaultFile);
        Files.write(vaultFile, Arrays.copyOf(bytes, size + 1));
        try (InputStream in = store.openAttachment(attachment)) {
            assertThrows(CorruptAttachmentException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        }
        Files.write(vaultFile, Arrays.copyOf(bytes, size - 1));
        try (InputStream in = store.openAttachment(attachment)) {
            assertThrows(CorruptAttachmentException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    @Test
    void aLargeAttachmentHashedBehindTheReaderReadsBackIdenticalInAnyReadSizes() throws Exception {
        byte[] data = new byte[5_000_000];
        new Random(11).nextBytes(data);
        Attachment attachment = store.importAttachment("large.bin", new ByteArrayInputStream(data));
        try (InputStream in = store.openAttachment(attachment)) {
            assertArrayEquals(data, in.readAllBytes());
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Random sizes = new Random(3);
        try (InputStream in = store.openAttachment(attachment)) {
            int first = in.read();
            copy.write(first);
            byte[] buffer = new byte[70_000];
            int n;
            while ((n = in.read(buffer, 0, 1 + sizes.nextInt(buffer.length))) >= 0) {
                copy.write(buffer, 0, n);
            }
            assertEquals(-1, in.read(), "stays at its end");
        }
        assertArrayEquals(data, copy.toByteArray());
    }

    @Test
    void aLargeAttachmentClosedHalfWayCanBeReadAgain() throws Exception {
        Attachment attachment = attach(4_000_000);
        for (int i = 0; i < 20; i++) {
            try (InputStream in = store.openAttachment(attachment)) {
                in.readNBytes(1_000_000 + i * 10_000);
            }
        }
        try (InputStream in = store.openAttachment(attachment)) {
            assertEquals(4_000_000, in.transferTo(OutputStream.nullOutputStream()));
        }
    }

    private Path vaultFile(Attachment attachment) {
        return profile.resolve("vault").resolve(attachment.sha256().substring(0, 2)).resolve(attachment.sha256());
    }

    @Test
    void anAttachmentIsStoredUnderItsHashAndReadBackIdentical() throws Exception {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Path file = profile.resolve("photo.jpg");
        Files.write(file, data);
        Attachment attachment = store.importAttachment(file);
        assertEquals("photo.jpg", attachment.fileName());
        assertEquals("image/jpeg", attachment.mediaType());
        assertEquals(data.length, attachment.size());
        try (InputStream in = store.openAttachment(attachment)) {
            assertArrayEquals(data, in.readAllBytes());
        }
    }

    @Test
    void badAttachmentsAreRefusedWithTheirName() throws Exception {
        AttachmentRejectedException missing = assertThrows(AttachmentRejectedException.class,
                () -> store.importAttachment(profile.resolve("nowhere.pdf")));
        assertTrue(missing.getMessage().contains("nowhere.pdf") && missing.getMessage().contains("no such file"));
        Path folder = Files.createDirectory(profile.resolve("a folder"));
        assertTrue(assertThrows(AttachmentRejectedException.class, () -> store.importAttachment(folder))
                .getMessage().contains("is a folder"));
        store.settings().setAttachmentSizeLimit(1000);
        Path big = profile.resolve("big.bin");
        Files.write(big, new byte[1001]);
        AttachmentRejectedException tooBig = assertThrows(AttachmentRejectedException.class,
                () -> store.importAttachment(big));
        assertTrue(tooBig.getMessage().contains("big.bin") && tooBig.getMessage().contains("limit"), tooBig.getMessage());
        try (var files = Files.list(profile.resolve("vault").resolve(".incoming"))) {
            assertEquals(0, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aDeviceIsRefusedBeforeAnythingIsRead() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        AttachmentRejectedException e = assertThrows(AttachmentRejectedException.class,
                () -> store.importAttachment(Path.of("/dev/zero")));
        assertTrue(e.getMessage().contains("/dev/zero") && e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void anUnreadableFileIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads every file, so an unreadable file cannot be made here");
        Path secret = profile.resolve("secret.txt");
        Files.writeString(secret, "x");
        Files.setPosixFilePermissions(secret, java.util.Set.of());
        assertTrue(assertThrows(AttachmentRejectedException.class, () -> store.importAttachment(secret))
                .getMessage().contains("cannot be read"));
    }

    @Test
    void unusedVaultFilesAreCollectedOnceOldButUsedOnesStay() throws Exception {
        Attachment kept = attach(1000);
        store.save(new Draft(Drafts.simple("keeps it").withAttachments(List.of(kept))));
        Path unusedSource = profile.resolve("unused.bin");
        Files.write(unusedSource, new byte[] {1, 2, 3});
        Attachment unused = store.importAttachment(unusedSource);
        Attachment fresh = store.importAttachment("fresh.txt", new java.io.ByteArrayInputStream(new byte[] {9}));
        java.nio.file.attribute.FileTime dayOld = java.nio.file.attribute.FileTime.from(
                Instant.now().minus(Duration.ofDays(2)));
        Files.setLastModifiedTime(vaultPath(kept), dayOld);
        Files.setLastModifiedTime(vaultPath(unused), dayOld);

        assertEquals(1, store.collectAttachmentGarbage());

        assertTrue(Files.exists(vaultPath(kept)), "referenced by a draft");
        assertTrue(Files.notExists(vaultPath(unused)), "old and unreferenced");
        assertTrue(Files.exists(vaultPath(fresh)), "recent: a window may be about to save it");
    }

    private Path vaultPath(Attachment attachment) {
        return profile.resolve("vault").resolve(attachment.sha256().substring(0, 2)).resolve(attachment.sha256());
    }

    private Attachment attach(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = profile.resolve("data.bin");
        Files.write(file, data);
        return store.importAttachment(file);
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(SqliteMessageStore.DATABASE_FILE));
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}
