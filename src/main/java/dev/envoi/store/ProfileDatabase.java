package dev.envoi.store;

import dev.envoi.files.OwnerOnly;
import dev.envoi.i18n.Sentences;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a profile's database: the folder made or tightened, the file checked, the schema migrated. */
final class ProfileDatabase {

    private static final Sentences WORDS = Sentences.of(ProfileDatabase.class);

    private ProfileDatabase() {
    }

    /** {@code freshAllowed}: an empty database is a new profile even if the vault beside it holds files. */
    static Database open(Path profileDir, boolean freshAllowed) {
        Path file = profileDir.resolve(SqliteMessageStore.DATABASE_FILE);
        if (Files.exists(profileDir) && !Files.isDirectory(profileDir)) {
            throw new StoreOpenException(WORDS.get("profile.isFile", profileDir));
        }
        try {
            OwnerOnly.createDirectories(profileDir);
        } catch (IOException e) {
            throw new StoreOpenException(WORDS.get("profile.cannotCreate", profileDir, why(e)), e);
        }
        try {
            // A profile folder made by hand (or by an older Envoi) may be open to others: it holds
            // every message and attachment, so it is tightened rather than only warned about.
            OwnerOnly.tighten(profileDir);
        } catch (IOException e) {
            // Another user's folder that this one may write to: its owner decides its rights.
        }
        DatabaseFileCheck.check(file, freshAllowed);
        CleanClose.forget(file);
        try {
            OwnerOnly.createFile(file);
        } catch (IOException e) {
            throw new StoreOpenException(WORDS.get("database.cannotCreate", file, e.getMessage()), e);
        }
        Database database = Database.open(file);
        try {
            // A migration may rebuild a table (SQLite cannot add a CHECK in place): foreign keys
            // are off while it runs, and checked whole before it commits.
            database.withoutForeignKeys("prepare the database", () -> database.write("prepare the database", c -> {
                Schema.migrate(c);
                return null;
            }));
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static String why(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return WORDS.get("profile.noFolder", missing.getFile());
        }
        if (e instanceof AccessDeniedException) {
            return WORDS.get("profile.denied");
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return WORDS.get("profile.fileInTheWay", exists.getFile());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
