package dev.envoi.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes names durable: a new file, a rename or a new folder is an entry in its parent folder, and
 * after a power cut only the entries of a synced folder are sure to be there (syncing the file
 * itself saves its bytes, not its name).
 */
final class Durability {

    private Durability() {
    }

    /** Like {@link Files#createDirectories}, each folder it makes synced into its parent. */
    static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
            return; // made by another process meanwhile, which syncs it
        }
        if (parent != null) {
            syncDirectory(parent);
        }
    }

    static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems (Windows) refuse to open a folder; their renames are durable already.
        }
    }
}
