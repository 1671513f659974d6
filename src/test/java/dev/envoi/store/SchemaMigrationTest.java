package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationTest {

    @TempDir
    Path profile;

    @Test
    void aVersionOneProfileIsMigratedWithItsDraftsIntact() throws Exception {
        Path db = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        EntryId id = EntryId.random();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, 1);
            MessageTable.insert(c, id, Drafts.simple("written by version one"),
                    MessageFlags.of(MessageFlag.UNSENT, MessageFlag.UNMODIFIED), 0);
            s.execute("COMMIT");
        }
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
}
