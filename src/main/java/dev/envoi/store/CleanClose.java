package dev.envoi.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the profile database looked like when the last Envoi to use it closed it cleanly: its
 * identity on disk, size, modification time and SQLite header, kept in {@code envoi.db-clean}
 * beside it. While the database still matches, nothing but SQLite under Envoi has written it since
 * a check that found it whole, so the next open may skip the full structural check, whose time
 * grows with the profile (0.8 s for a year of mail, issue 21). Anything else (a crash, another
 * program, a copy, a restore) no longer matches, and the full check runs. The stamp is removed at
 * every open, so it only ever speaks for a file that was closed, not for one in use.
 */
final class CleanClose {

    static final String SUFFIX = "-clean";
    private static final int HEADER = 100;

    private CleanClose() {
    }

    /** True when the database is exactly as a clean close left it, with no WAL beside it. */
    static boolean matches(Path database) {
        Path stamp = stampOf(database);
        if (!Files.isRegularFile(stamp) || Files.exists(walOf(database))) {
            return false;
        }
        try {
            Optional<String> now = describe(database);
            return now.isPresent() && now.get().equals(Files.readString(stamp, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Called after this process closed its connection. Stamps only when SQLite folded the WAL
     * into the file and removed it, which it does when the last connection closes: with another
     * process still at work, the file will change again.
     */
    static void record(Path database) {
        if (Files.exists(walOf(database))) {
            return;
        }
        try {
            Optional<String> now = describe(database);
            if (now.isPresent()) {
                Path stamp = stampOf(database);
                Path part = stamp.resolveSibling(stamp.getFileName() + ".part");
                Files.writeString(part, now.get(), StandardCharsets.US_ASCII);
                Files.move(part, stamp, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Without a stamp the next open checks the whole file: slower, never less safe.
        }
    }

    /** The database is about to be opened for writing: from now on it may change. */
    static void forget(Path database) {
        try {
            Files.deleteIfExists(stampOf(database));
        } catch (IOException e) {
            // A stamp left behind no longer matches once the file is written.
        }
    }

    private static Optional<String> describe(Path database) throws IOException {
        if (!Files.isRegularFile(database)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(database, BasicFileAttributes.class);
        byte[] header;
        try (InputStream in = Files.newInputStream(database)) {
            header = in.readNBytes(HEADER);
        }
        return Optional.of(String.join(" ", String.valueOf(attributes.fileKey()), String.valueOf(attributes.size()),
                String.valueOf(attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)), HexFormat.of().formatHex(header)));
    }

    static Path stampOf(Path database) {
        return database.resolveSibling(database.getFileName() + SUFFIX);
    }

    private static Path walOf(Path database) {
        return database.resolveSibling(database.getFileName() + "-wal");
    }
}
