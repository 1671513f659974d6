package dev.envoi.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes names durable: a new file, a rename or a new folder is an entry in its parent folder, and
 * after a power cut only the entries of a synced folder are sure to be there (syncing the file
 * itself saves its bytes, not its name).
 */
public final class Durability {

    private Durability() {
    }

    /** Makes the names in {@code directory} durable (its new files, renames and folders). */
    public static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some systems (Windows) refuse to open a folder; their renames are durable already.
        }
    }
}
