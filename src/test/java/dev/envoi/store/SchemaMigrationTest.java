package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path profile;

    @Test
    void aVersionOneProfileIsMigratedWithItsDraftsIntact() throws Exception {
        Path db = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        EntryId id = versionOneWithADraft(db, "written by version one", "");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals("written by version one", store.openDraft(id).content().subject());
            store.accounts().put(Accounts.loopback("home", 2525));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertEquals(Schema.CURRENT_VERSION, Schema.version(c));
            assertEquals(Schema.APPLICATION_ID, Schema.applicationId(c));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals("written by version one", store.drafts().get(0).subject());
            assertTrue(store.accounts().find("home").isPresent());
        }
    }

    @Test
    void aMigrationThatFailsLeavesTheOldVersionWhole() throws Exception {
        Path db = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        // Migration 2 creates this table too: its CREATE fails half-way through the upgrade.
        versionOneWithADraft(db, "kept", "CREATE TABLE account (name TEXT)");
        assertThrows(StoreException.class, () -> SqliteMessageStore.open(profile));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subject FROM message")) {
            assertEquals(1, Schema.version(c), "the version did not move");
            assertTrue(rs.next());
            assertEquals("kept", rs.getString(1));
        }
    }

    /** A database as Envoi's schema version one left it, holding one draft, plus any extra statement. */
    private static EntryId versionOneWithADraft(Path db, String subject, String extra) throws Exception {
        EntryId id = EntryId.random();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, 1);
            MessageTable.insert(c, id, Drafts.simple(subject), MessageFlags.of(MessageFlag.UNSENT, MessageFlag.UNMODIFIED), 0);
            if (!extra.isEmpty()) {
                s.execute(extra);
            }
            s.execute("COMMIT");
        }
        return id;
    }
}
