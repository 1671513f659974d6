package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's error codes into sentences that say what failed and what the user can do. */
final class StoreErrors {

    private static final Sentences WORDS = Sentences.of(StoreErrors.class);

    private StoreErrors() {
    }

    /**
     * @param what the action that failed, in the words the code names it with ("save the draft");
     *             the bundle holds it, in each language, under {@link #actionKey}
     */
    static StoreException translate(Path file, String what, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
        String base = code == null ? "" : code.name();
        String action = WORDS.get(actionKey(what));
        if (DiskSpace.isFull(file, e)) {
            return new StoreException(WORDS.get("failed.diskFull", action, file), e);
        }
        if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_PERM")) {
            return new StoreException(WORDS.get("failed.readOnly", action, file), e);
        }
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            return new StoreException(WORDS.get("failed.locked", action, file), e);
        }
        if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
            return new StoreOpenException(WORDS.get("failed.damaged", action, file, e.getMessage()), e);
        }
        if (base.startsWith("SQLITE_IOERR")) {
            return new StoreException(WORDS.get("failed.io", action, file, e.getMessage()), e);
        }
        return new StoreException(WORDS.get("failed.other", action, file, e.getMessage()), e);
    }

    /** The bundle key of an action: its words, dashes for spaces ("action.save-the-draft"). */
    static String actionKey(String what) {
        return "action." + what.replace(' ', '-');
    }
}
