package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * Looks at an existing profile database before Envoi opens it for writing, so that a stranger's
 * file, a damaged one or one from a newer Envoi is refused with a clear message and left as it was
 * (opening for writing would switch its journal to WAL and run migrations on it).
 */
final class DatabaseFileCheck {

    private static final Sentences WORDS = Sentences.of(DatabaseFileCheck.class);
    private static final int HEADER_LENGTH = 100;
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** How far the check went: nothing to check, the clean-close stamp matched, or the whole file. */
    enum Depth { NEW, STAMPED, WHOLE }

    private DatabaseFileCheck() {
    }

    /**
     * @param freshAllowed the user asked for a fresh profile: an empty database beside a vault
     *                     that holds files becomes a new one
     */
    static Depth check(Path file, boolean freshAllowed) {
        refuseIfReadOnly(file);
        if (!Files.exists(file)) {
            return Depth.NEW;
        }
        if (Files.isDirectory(file)) {
            throw new StoreOpenException(WORDS.get("database.isFolder", file));
        }
        byte[] header = readHeader(file);
        if (header.length == 0) {
            // An empty file is a database that was never written, and becomes a new one; unless
            // the vault beside it holds files: then the profile had messages, and taking the file
            // for new would drop its queue, drafts and accounts without a word.
            long vaultFiles = freshAllowed ? 0 : VaultContents.count(file.resolveSibling(SqliteMessageStore.VAULT_FOLDER));
            if (vaultFiles > 0) {
                throw new StoreOpenException(WORDS.get("database.emptyBesideVault", file, vaultFiles));
            }
            return Depth.NEW;
        }
        if (!Arrays.equals(Arrays.copyOf(header, SQLITE_HEADER.length), SQLITE_HEADER)) {
            throw new StoreOpenException(WORDS.get("database.notSqlite", file));
        }
        refuseIfShorterThanItSays(file, header);
        boolean whole = !CleanClose.matches(file);
        inspect(file, whole);
        return whole ? Depth.WHOLE : Depth.STAMPED;
    }

    /**
     * A file cut short (a copy that stopped, a tool that truncated it) is shorter than the size its
     * header gives, which SQLite keeps exact; found without reading the rest of the file.
     */
    private static void refuseIfShorterThanItSays(Path file, byte[] header) {
        if (header.length < HEADER_LENGTH) {
            throw new StoreOpenException(WORDS.get("database.damaged", file, WORDS.get("database.shortHeader")));
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        int pageSizeField = Short.toUnsignedInt(fields.getShort(16));
        long pageSize = pageSizeField == 1 ? 65_536 : pageSizeField;
        long pages = Integer.toUnsignedLong(fields.getInt(28));
        // The size in the header counts only when the change counter and its version agree.
        boolean sizeValid = pages > 0 && fields.getInt(24) == fields.getInt(92);
        try {
            long actual = Files.size(file);
            if (sizeValid && actual < pages * pageSize) {
                throw new StoreOpenException(WORDS.get("database.damaged", file,
                        WORDS.get("database.cutShort", actual, pages * pageSize)));
            }
        } catch (IOException e) {
            throw new StoreOpenException(WORDS.get("database.unreadable", file, e.getMessage()), e);
        }
    }

    /**
     * Envoi writes at every open (WAL files, migrations); a read-only folder or disk must not be
     * taken for a damaged database, whose advice (restore a backup) would be wrong and harmful.
     */
    private static void refuseIfReadOnly(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isWritable(folder) || Files.exists(file) && !Files.isWritable(file)) {
            throw new StoreOpenException(WORDS.get("database.readOnly", file));
        }
    }

    private static byte[] readHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_LENGTH);
        } catch (IOException e) {
            throw new StoreOpenException(WORDS.get("database.unreadable", file, e.getMessage()), e);
        }
    }

    /** {@code whole}: run SQLite's structural check of every page, whose time grows with the file. */
    private static void inspect(Path file, boolean whole) {
        SqliteNativeCache.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
             Statement statement = c.createStatement()) {
            int applicationId = Schema.applicationId(c);
            int version = Schema.version(c);
            if (applicationId != Schema.APPLICATION_ID && !(applicationId == 0 && version == 0 && isEmpty(statement))) {
                throw new StoreOpenException(WORDS.get("database.foreign", file));
            }
            if (version > Schema.CURRENT_VERSION) {
                throw new StoreOpenException(WORDS.get("database.newer", file, version, Schema.CURRENT_VERSION));
            }
            if (whole) {
                try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
                    String result = rs.next() ? rs.getString(1) : WORDS.get("database.noAnswer");
                    if (!"ok".equals(result)) {
                        throw new StoreOpenException(WORDS.get("database.damaged", file, result));
                    }
                }
            }
        } catch (SQLException e) {
            if (DiskSpace.isFull(file, e)) {
                throw new StoreOpenException(WORDS.get("database.diskFull", file), e);
            }
            throw new StoreOpenException(WORDS.get("database.damagedOrUnreadable", file, e.getMessage()), e);
        }
    }

    private static boolean isEmpty(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }
}
