package dev.envoi.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates folders and files readable by their owner only, where the file system allows it. Every
 * part that writes mail to disk (the store, the vault, the pickup folder) uses it, so a message
 * is never readable by another user of the machine.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnly() {
    }

    /**
     * Creates {@code dir} and each missing parent owner-only (0700), each synced into its parent so
     * the new name survives a power cut; folders already there are left as they are.
     */
    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createDirectories(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return; // made by another process meanwhile, which syncs it
        }
        if (parent != null) {
            // A new folder is a name in its parent: without this a power cut can take it away, and
            // every file already made durable inside it (a whole new profile, a vault folder).
            Durability.syncDirectory(parent);
        }
    }

    /**
     * Takes the group's and others' rights away from a folder that already exists (a profile folder
     * made by hand, or by an older version, with 0755). The owner's own rights are kept.
     */
    public static void tighten(Path dir) throws IOException {
        if (!POSIX || !Files.isDirectory(dir)) {
            return;
        }
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(dir);
        if (now.stream().anyMatch(OTHERS::contains)) {
            Set<PosixFilePermission> owners = EnumSet.copyOf(now);
            owners.removeAll(OTHERS);
            Files.setPosixFilePermissions(dir, owners);
        }
    }

    /** Creates an empty file with owner-only permissions if none is there yet. */
    public static void createFile(Path file) throws IOException {
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
