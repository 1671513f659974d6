package dev.envoi.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Tells a full disk from a damaged file. SQLite does not always say "full": growing the WAL index
 * on a full disk fails as {@code SQLITE_IOERR_SHMSIZE}, writing as another I/O error, creating a
 * file as {@code SQLITE_CANTOPEN}. Taken for damage, the advice (restore a backup) would lose every
 * message newer than the backup, so an I/O error on a nearly full disk is called a full disk.
 */
final class DiskSpace {

    /**
     * Below this, an I/O error is taken to come from the lack of space: one WAL index (32 KiB) and
     * a few WAL pages need more, and a healthy disk this full is rare enough not to be confused.
     */
    static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private DiskSpace() {
    }

    /** True when the error is, or on this nearly full disk most likely comes from, a lack of space. */
    static boolean isFull(Path file, SQLException e) {
        String code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : "";
        if (code.startsWith(SQLiteErrorCode.SQLITE_FULL.name()) || saysNoSpace(e)) {
            return true;
        }
        boolean ioError = code.startsWith(SQLiteErrorCode.SQLITE_IOERR.name())
                || code.startsWith(SQLiteErrorCode.SQLITE_CANTOPEN.name());
        return ioError && isNearlyFull(file);
    }

    static boolean isNearlyFull(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            return Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException | SecurityException unknown) {
            return false; // Space unknown: the error is reported as what SQLite said.
        }
    }

    private static boolean saysNoSpace(SQLException e) {
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return text.contains("database or disk is full") || text.contains("no space left");
    }
}
