package dev.envoi.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into sentences that say what failed and what the user can do. */
final class StoreErrors {

    private StoreErrors() {
    }

    static StoreException translate(Path file, String what, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String base = code == null ? "" : code.name();
        if (base.startsWith("SQLITE_FULL")) {
            return new StoreException("Could not " + what + ": the disk holding " + file
                    + " is full. Free some space and try again; what was saved before is intact.", e);
        }
        if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_PERM")) {
            return new StoreException("Could not " + what + ": " + file
                    + " cannot be written (read-only folder or missing permission).", e);
        }
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return new StoreException("Could not " + what + ": " + file
                    + " is locked by another program. Close it and try again.", e);
        }
        if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
            return new StoreOpenException("Could not " + what + ": " + file + " is damaged ("
                    + e.getMessage() + "). Restore it from a backup; Envoi did not change it.", e);
        }
        if (base.startsWith("SQLITE_IOERR")) {
            return new StoreException("Could not " + what + ": reading or writing " + file
                    + " failed (" + e.getMessage() + ").", e);
        }
        return new StoreException("Could not " + what + " in " + file + ": " + e.getMessage(), e);
    }
}
