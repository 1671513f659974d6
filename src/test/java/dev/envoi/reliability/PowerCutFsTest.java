package dev.envoi.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The power-cut file system keeps what was synced and nothing else: the campaign's verdicts rest on it. */
class PowerCutFsTest {

    @TempDir
    Path root;
    private Path live;
    private Path disk;

    @BeforeEach
    void fuseWorksHere() throws Exception {
        assumeTrue(PowerCutFs.unavailableReason(root).isEmpty(), () -> "skipped: " + PowerCutFs.unavailableReason(root));
        live = Files.createDirectories(root.resolve("live"));
        disk = Files.createDirectories(root.resolve("disk"));
        Files.writeString(live.resolve("old.txt"), "old");
    }

    @Test
    void aSyncedFileInASyncedFolderSurvivesAndUnsyncedWritesDoNot() throws Exception {
        Path image = cutAfter(() -> {
            write(disk.resolve("kept.txt"), "synced", true);
            syncFolder(disk);
            write(disk.resolve("kept.txt"), "UNSYNCED", false);
            write(disk.resolve("old.txt"), "new", false);
        });
        assertEquals("synced", Files.readString(image.resolve("kept.txt")));
        assertEquals("old", Files.readString(image.resolve("old.txt")));
    }

    @Test
    void aNameIsLostUnlessItsFolderIsSynced() throws Exception {
        Path image = cutAfter(() -> {
            write(disk.resolve("no-folder-sync.txt"), "synced", true);
            Files.createDirectories(disk.resolve("new/inner"));
            write(disk.resolve("new/inner/file"), "x", true);
            syncFolder(disk.resolve("new/inner"));
        });
        assertFalse(Files.exists(image.resolve("no-folder-sync.txt")), "the file was synced, its folder not");
        assertFalse(Files.exists(image.resolve("new")), "a new folder is a name in its parent");
    }

    @Test
    void aRenameIsUndoneUnlessTheFolderIsSyncedAndAFileSyncedLaterKeepsItsName() throws Exception {
        Path image = cutAfter(() -> {
            Files.move(disk.resolve("old.txt"), disk.resolve("renamed.txt"), StandardCopyOption.ATOMIC_MOVE);
            write(disk.resolve("empty.txt"), "never synced", false);
            syncFolder(disk.resolve("."));
            Files.move(disk.resolve("renamed.txt"), disk.resolve("again.txt"), StandardCopyOption.ATOMIC_MOVE);
        });
        assertTrue(Files.exists(image.resolve("renamed.txt")));
        assertFalse(Files.exists(image.resolve("again.txt")));
        assertFalse(Files.exists(image.resolve("old.txt")));
        assertEquals("", Files.readString(image.resolve("empty.txt")), "a durable name, but no synced bytes");
    }

    private interface Work {
        void run() throws IOException;
    }

    private Path cutAfter(Work work) throws Exception {
        try (PowerCutFs fs = PowerCutFs.mount(live, disk, root.resolve("image"), 1, false)) {
            work.run();
            fs.cut();
            return fs.image();
        }
    }

    private static void write(Path file, String text, boolean sync) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            if (sync) {
                channel.force(true);
            }
        }
    }

    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
