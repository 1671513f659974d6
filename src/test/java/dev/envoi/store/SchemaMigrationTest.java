package dev.envoi.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.account.Accounts;
import dev.envoi.message.DeliveryRequests;
import dev.envoi.message.Draft;
import dev.envoi.message.EntryId;
import dev.envoi.message.MessageFlag;
import dev.envoi.message.MessageFlags;
import dev.envoi.store.MessageStore.SubmitOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old profiles open in the new version with every message whole. The old rows are written with
 * the SQL and the content hash the old version used, never with today's code, so a change to
 * either is caught here.
 */
class SchemaMigrationTest {

    /** The content of every old row these tests write; its hash is the one version 3 computed. */
    private static final String SUBJECT = "written by version three";

    @TempDir
    Path profile;

    private Path db() {
        return profile.resolve(SqliteMessageStore.DATABASE_FILE);
    }

    @Test
    void aVersionOneProfileIsMigratedWithItsDraftsIntact() throws Exception {
        EntryId id = oldDraft(1, "");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(SUBJECT, store.openDraft(id).content().subject());
            store.accounts().put(Accounts.loopback("home", 2525));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db())) {
            assertEquals(Schema.CURRENT_VERSION, Schema.version(c));
            assertEquals(Schema.APPLICATION_ID, Schema.applicationId(c));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(SUBJECT, store.drafts().get(0).subject());
            assertTrue(store.accounts().find("home").isPresent());
        }
    }

    @Test
    void anAccountOfVersionFourSurvivesTheTableRebuildAndOAuthAccountsCanBeSaved() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            Schema.migrate(c, 4);
            s.execute("INSERT INTO account (name, display_name, address, host, port, security, user_name, auth, size_limit,"
                    + " keep_in_sent, partial_delivery, insecure_confirmed, pinned_certificate, is_default, sendmail_program)"
                    + " VALUES ('old', 'Émile', 'emile@example.org', 'smtp.example.org', 587, 'STARTTLS', 'emile', 'XOAUTH2',"
                    + " 1000, 0, 1, 0, 'AB:CD', 1, '')");
            // Version 4's CHECK refuses the new method: the table must be rebuilt, not altered.
            assertThrows(java.sql.SQLException.class, () -> s.execute("UPDATE account SET auth = 'OAUTH2'"));
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            dev.envoi.account.Account old = store.accounts().find("old").orElseThrow();
            assertEquals(dev.envoi.account.AuthMethod.XOAUTH2, old.auth());
            assertEquals("AB:CD", old.pinnedCertificate());
            assertEquals(1000, old.sizeLimit());
            assertTrue(old.isDefault() && old.partialDelivery() && !old.keepInSent());
            dev.envoi.account.Account oauth = new dev.envoi.account.Account("new", old.identity(), old.host(),
                    old.port(), old.security(), old.user(), dev.envoi.account.AuthMethod.OAUTH2, 0, true, false, false,
                    "", false);
            store.accounts().put(oauth);
            store.oauthSettings().put(new dev.envoi.account.OAuthSettings("new", "microsoft", "", "id", ""));
            assertEquals(dev.envoi.account.AuthMethod.OAUTH2, store.accounts().find("new").orElseThrow().auth());
            assertEquals("microsoft", store.oauthSettings().find("new").orElseThrow().provider());
            store.accounts().remove("new");
            assertTrue(store.oauthSettings().find("new").isEmpty(), "the sign-in settings go with the account");
        }
    }

    @Test
    void anImapRowFromBeforeTheImapUserColumnSignsInWithTheSmtpLoginAndCanTakeOne() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            Schema.migrate(c, Schema.versionAdding("imap_user") - 1);
            s.execute("INSERT INTO account_imap (account, host, port, security, keep_copy, sent_folder)"
                    + " VALUES ('old', 'imap.example.org', 993, 'TLS', 1, 'Envoyés')");
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            dev.envoi.account.ImapSettings old = store.imapSettings().forAccount("old").orElseThrow();
            assertEquals("", old.server().user(), "NULL: the SMTP login");
            assertEquals("Envoyés", old.sentFolder());
            store.imapSettings().put("old", new dev.envoi.account.ImapSettings(new dev.envoi.account.ImapServer(
                    "imap.example.org", 993, dev.envoi.account.SmtpSecurity.TLS, "emile@example.org"), true, ""));
            assertEquals("emile@example.org", store.imapSettings().forAccount("old").orElseThrow().server().user());
        }
    }

    @Test
    void aMigrationThatFailsLeavesTheOldVersionWhole() throws Exception {
        // Migration 2 creates this table too: its CREATE fails half-way through the upgrade.
        oldDraft(1, "CREATE TABLE account (name TEXT)");
        assertThrows(StoreException.class, () -> SqliteMessageStore.open(profile));
        assertStillVersionOne();
    }

    @Test
    void whenTheLastMigrationFailsTheEarlierOnesAreUndoneToo() throws Exception {
        // Migration 4 adds this column: it fails after migrations 2 and 3 ran in the same transaction.
        oldDraft(1, "ALTER TABLE message ADD COLUMN read_receipt INTEGER");
        assertThrows(StoreException.class, () -> SqliteMessageStore.open(profile));
        assertStillVersionOne();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'account'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "migration 2's table was rolled back with the rest");
        }
    }

    @Test
    void aVersionThreeDraftAsksNothingAndStillSubmitsWithItsStoredHash() throws Exception {
        EntryId id = oldDraft(3, "");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(DeliveryRequests.NONE, store.openDraft(id).content().deliveryRequests());
            // submit(EntryId) checks the stored hash before it queues, as MAPI's SubmitMessage does.
            EntryId queued = store.submit(id, SubmitOptions.undo(Duration.ZERO));
            QueuedMessage locked = store.lockNextDue(Instant.now()).orElseThrow();
            assertEquals(queued, locked.id());
            assertEquals(DeliveryRequests.NONE, locked.content().deliveryRequests());
        }
    }

    @Test
    void aMessageVersionThreeQueuedIsStillTakenByTheSpoolerAfterTheMigration() throws Exception {
        EntryId queued = oldQueuedMessage();
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            // The spooler's pick checks the stored hash too; a mismatch would mark the message damaged.
            QueuedMessage locked = store.lockNextDue(Instant.now()).orElseThrow();
            assertEquals(queued, locked.id());
            assertEquals(SUBJECT, locked.content().subject());
            assertEquals(DeliveryRequests.NONE, locked.content().deliveryRequests());
        }
    }

    @Test
    void aMigratedProfileKeepsTheRequestsOfNewMessages() throws Exception {
        EntryId old = oldDraft(3, "");
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            Draft draft = store.openDraft(old);
            draft.setContent(draft.content().withDeliveryRequests(new DeliveryRequests(true, true)));
            store.save(draft);
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(profile)) {
            assertEquals(new DeliveryRequests(true, true), store.openDraft(old).content().deliveryRequests());
            store.submit(old, SubmitOptions.undo(Duration.ZERO));
            assertFalse(store.outbox().isEmpty(), "the changed message passes its check");
        }
    }

    private void assertStillVersionOne() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT subject FROM message")) {
            assertEquals(1, Schema.version(c), "the version did not move");
            assertTrue(rs.next());
            assertEquals(SUBJECT, rs.getString(1));
        }
    }

    /** A database as Envoi's schema {@code version} left it, holding one draft, plus any extra statement. */
    private EntryId oldDraft(int version, String extra) throws Exception {
        EntryId id = EntryId.random();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, version);
            insertOldRow(c, id, "DRAFTS", MessageFlags.of(MessageFlag.UNSENT, MessageFlag.UNMODIFIED), null, null, null);
            if (!extra.isEmpty()) {
                s.execute(extra);
            }
            s.execute("COMMIT");
        }
        return id;
    }

    /** A version 3 database with one message submitted and due, as version 3's submit left it. */
    private EntryId oldQueuedMessage() throws Exception {
        EntryId id = EntryId.random();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            Schema.migrate(c, 3);
            insertOldRow(c, id, "OUTBOX", MessageFlags.of(MessageFlag.UNSENT, MessageFlag.SUBMIT), "QUEUED", 1000L,
                    "<" + UUID.randomUUID() + "@example.org>");
            s.execute("COMMIT");
        }
        return id;
    }

    /** The rows of {@code Drafts.simple(SUBJECT)} in the columns every version since 1 has, with version 3's hash. */
    private static void insertOldRow(Connection c, EntryId id, String folder, MessageFlags flags, String state,
                                     Long submittedAt, String messageId) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO message (entry_id, folder, flags, state, submitted_at, due_at, message_id, from_name,
                                     from_address, subject, body, content_hash, size, created_at, modified_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'Émile Envoi', 'emile@example.org', ?, ?, ?, 1100, 0, 0)""")) {
            s.setString(1, id.value());
            s.setString(2, folder);
            s.setInt(3, flags.toBits());
            s.setString(4, state);
            s.setObject(5, submittedAt);
            s.setObject(6, submittedAt);
            s.setString(7, messageId);
            s.setString(8, SUBJECT);
            s.setString(9, "Bonjour,\nà demain.\n");
            s.setString(10, ContentDigestTest.SIMPLE_HASH);
            s.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO entry_history (entry_id, message) SELECT entry_id, id FROM message WHERE entry_id = '"
                    + id.value() + "'");
            s.execute("INSERT INTO recipient (message, position, type, display_name, address) "
                    + "SELECT id, 0, 'TO', '', 'jane@example.org' FROM message WHERE entry_id = '" + id.value() + "'");
        }
    }
}
