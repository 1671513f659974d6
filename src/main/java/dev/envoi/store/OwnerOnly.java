package dev.envoi.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Creates folders and files readable by their owner only, where the file system allows it. */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            Durability.createDirectories(parent);
        }
        if (POSIX) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
        if (parent != null) {
            // A new profile is a name in its parent folder: without this, a power cut can take
            // the whole profile away, every saved draft and queued message with it.
            Durability.syncDirectory(parent);
        }
    }

    /** Creates an empty file with owner-only permissions if none is there yet. */
    static void createFile(Path file) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
