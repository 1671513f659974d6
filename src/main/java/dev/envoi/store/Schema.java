package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema as a list of migrations; migration N brings user_version from N-1 to N.
 * All pending migrations run in one transaction at open, so a crash leaves the old version whole.
 * SQLite cannot change a CHECK constraint in place: a migration that must (OAUTH2 among the
 * account's auth methods; a queue state exactly in the OUTBOX folder) builds the table anew, copies
 * the rows, and renames it. The caller runs the migrations with foreign keys off, so dropping the
 * old message table does not delete its recipients, attachments and Sent copies (SQLite's own
 * procedure for such changes); every reference is checked before the version moves.
 */
final class Schema {

    /** PRAGMA application_id: "Envo" in ASCII, so a stranger's SQLite file is recognised. */
    static final int APPLICATION_ID = 0x456E766F;

    private static final Sentences WORDS = Sentences.of(Schema.class);

    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE message (
              id INTEGER PRIMARY KEY,
              entry_id TEXT NOT NULL UNIQUE,
              folder TEXT NOT NULL CHECK (folder IN ('DRAFTS', 'OUTBOX', 'SENT')),
              flags INTEGER NOT NULL,
              from_name TEXT,
              from_address TEXT,
              subject TEXT NOT NULL,
              body TEXT NOT NULL,
              content_hash TEXT NOT NULL,
              size INTEGER NOT NULL,
              created_at INTEGER NOT NULL,
              modified_at INTEGER NOT NULL,
              message_id TEXT,
              submitted_at INTEGER,
              due_at INTEGER,
              state TEXT CHECK (state IN ('QUEUED', 'SENDING', 'HANDED_OFF', 'RETRYING', 'FAILED', 'UNCERTAIN')),
              attempts INTEGER NOT NULL DEFAULT 0,
              first_failure_at INTEGER,
              last_error TEXT,
              handed_off_at INTEGER,
              sent_at INTEGER,
              server_reply TEXT,
              return_reason TEXT,
              refused_recipients TEXT
            );
            CREATE INDEX message_queue ON message (folder, state, due_at, submitted_at);
            CREATE TABLE entry_history (
              entry_id TEXT PRIMARY KEY,
              message INTEGER NOT NULL
            );
            CREATE TABLE recipient (
              message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              type TEXT NOT NULL CHECK (type IN ('TO', 'CC', 'BCC')),
              display_name TEXT NOT NULL,
              address TEXT NOT NULL,
              PRIMARY KEY (message, position)
            );
            CREATE TABLE attachment (
              message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              file_name TEXT NOT NULL,
              media_type TEXT NOT NULL,
              size INTEGER NOT NULL,
              sha256 TEXT NOT NULL,
              PRIMARY KEY (message, position)
            );
            CREATE INDEX attachment_by_hash ON attachment (sha256);
            CREATE TABLE address_book (
              address TEXT PRIMARY KEY COLLATE NOCASE,
              display_name TEXT NOT NULL,
              use_count INTEGER NOT NULL,
              last_used INTEGER NOT NULL
            );
            CREATE TABLE setting (
              key TEXT PRIMARY KEY,
              value TEXT NOT NULL
            );
            """, """
            CREATE TABLE account (
              name TEXT PRIMARY KEY,
              display_name TEXT NOT NULL,
              address TEXT NOT NULL,
              host TEXT NOT NULL,
              port INTEGER NOT NULL,
              security TEXT NOT NULL CHECK (security IN ('TLS', 'STARTTLS', 'NONE')),
              user_name TEXT NOT NULL,
              auth TEXT NOT NULL CHECK (auth IN ('NONE', 'PASSWORD', 'XOAUTH2')),
              size_limit INTEGER NOT NULL,
              keep_in_sent INTEGER NOT NULL,
              partial_delivery INTEGER NOT NULL,
              insecure_confirmed INTEGER NOT NULL,
              pinned_certificate TEXT NOT NULL,
              is_default INTEGER NOT NULL
            );
            """, """
            ALTER TABLE account ADD COLUMN sendmail_program TEXT NOT NULL DEFAULT '';
            """, """
            ALTER TABLE message ADD COLUMN notify_delivery INTEGER NOT NULL DEFAULT 0 CHECK (notify_delivery IN (0, 1));
            ALTER TABLE message ADD COLUMN read_receipt INTEGER NOT NULL DEFAULT 0 CHECK (read_receipt IN (0, 1));
            """, """
            ALTER TABLE message ADD COLUMN account TEXT;
            """, """
            CREATE TABLE account_imap (
              account TEXT PRIMARY KEY,
              host TEXT NOT NULL,
              port INTEGER NOT NULL,
              security TEXT NOT NULL CHECK (security IN ('TLS', 'STARTTLS', 'NONE')),
              keep_copy INTEGER NOT NULL CHECK (keep_copy IN (0, 1)),
              sent_folder TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE sent_copy (
              message INTEGER PRIMARY KEY REFERENCES message (id) ON DELETE CASCADE,
              account TEXT NOT NULL,
              state TEXT NOT NULL CHECK (state IN ('PENDING', 'DONE', 'FAILED')),
              attempts INTEGER NOT NULL DEFAULT 0,
              due_at INTEGER NOT NULL,
              first_failure_at INTEGER,
              last_error TEXT,
              folder TEXT,
              delete_local INTEGER NOT NULL DEFAULT 0 CHECK (delete_local IN (0, 1))
            );
            CREATE INDEX sent_copy_due ON sent_copy (state, due_at);
            """, """
            CREATE TABLE account_rebuilt (
              name TEXT PRIMARY KEY,
              display_name TEXT NOT NULL,
              address TEXT NOT NULL,
              host TEXT NOT NULL,
              port INTEGER NOT NULL,
              security TEXT NOT NULL CHECK (security IN ('TLS', 'STARTTLS', 'NONE')),
              user_name TEXT NOT NULL,
              auth TEXT NOT NULL CHECK (auth IN ('NONE', 'PASSWORD', 'XOAUTH2', 'OAUTH2')),
              size_limit INTEGER NOT NULL,
              keep_in_sent INTEGER NOT NULL,
              partial_delivery INTEGER NOT NULL,
              insecure_confirmed INTEGER NOT NULL,
              pinned_certificate TEXT NOT NULL,
              is_default INTEGER NOT NULL,
              sendmail_program TEXT NOT NULL DEFAULT ''
            );
            INSERT INTO account_rebuilt (name, display_name, address, host, port, security, user_name, auth, size_limit,
              keep_in_sent, partial_delivery, insecure_confirmed, pinned_certificate, is_default, sendmail_program)
              SELECT name, display_name, address, host, port, security, user_name, auth, size_limit, keep_in_sent,
              partial_delivery, insecure_confirmed, pinned_certificate, is_default, sendmail_program FROM account;
            DROP TABLE account;
            ALTER TABLE account_rebuilt RENAME TO account;
            CREATE TABLE account_oauth (
              account TEXT PRIMARY KEY,
              provider TEXT NOT NULL,
              issuer TEXT NOT NULL,
              client_id TEXT NOT NULL,
              scopes TEXT NOT NULL,
              client_secret TEXT NOT NULL DEFAULT ''
            );
            """, """
            CREATE TABLE message_checked (
              id INTEGER PRIMARY KEY,
              entry_id TEXT NOT NULL UNIQUE,
              folder TEXT NOT NULL CHECK (folder IN ('DRAFTS', 'OUTBOX', 'SENT')),
              flags INTEGER NOT NULL,
              from_name TEXT,
              from_address TEXT,
              subject TEXT NOT NULL,
              body TEXT NOT NULL,
              content_hash TEXT NOT NULL,
              size INTEGER NOT NULL,
              created_at INTEGER NOT NULL,
              modified_at INTEGER NOT NULL,
              message_id TEXT,
              submitted_at INTEGER,
              due_at INTEGER,
              state TEXT CHECK (state IN ('QUEUED', 'SENDING', 'HANDED_OFF', 'RETRYING', 'FAILED', 'UNCERTAIN')),
              attempts INTEGER NOT NULL DEFAULT 0,
              first_failure_at INTEGER,
              last_error TEXT,
              handed_off_at INTEGER,
              sent_at INTEGER,
              server_reply TEXT,
              return_reason TEXT,
              refused_recipients TEXT,
              notify_delivery INTEGER NOT NULL DEFAULT 0 CHECK (notify_delivery IN (0, 1)),
              read_receipt INTEGER NOT NULL DEFAULT 0 CHECK (read_receipt IN (0, 1)),
              account TEXT,
              CONSTRAINT state_only_in_outbox CHECK ((folder = 'OUTBOX') = (state IS NOT NULL))
            );
            INSERT INTO message_checked (id, entry_id, folder, flags, from_name, from_address, subject, body,
              content_hash, size, created_at, modified_at, message_id, submitted_at, due_at, state, attempts,
              first_failure_at, last_error, handed_off_at, sent_at, server_reply, return_reason, refused_recipients,
              notify_delivery, read_receipt, account)
              SELECT id, entry_id, folder, flags, from_name, from_address, subject, body, content_hash, size,
              created_at, modified_at, message_id, submitted_at, due_at,
              CASE WHEN folder <> 'OUTBOX' THEN NULL
                   WHEN state IN ('QUEUED', 'SENDING', 'HANDED_OFF', 'RETRYING', 'FAILED', 'UNCERTAIN') THEN state
                   ELSE 'UNCERTAIN' END,
              attempts, first_failure_at, last_error, handed_off_at, sent_at, server_reply, return_reason,
              refused_recipients, notify_delivery, read_receipt, account FROM message;
            DROP TABLE message;
            ALTER TABLE message_checked RENAME TO message;
            CREATE INDEX message_queue ON message (folder, state, due_at, submitted_at);
            """, """
            CREATE TABLE unparsed_recipient (
              message INTEGER NOT NULL REFERENCES message (id) ON DELETE CASCADE,
              position INTEGER NOT NULL,
              type TEXT NOT NULL CHECK (type IN ('TO', 'CC', 'BCC')),
              text TEXT NOT NULL,
              PRIMARY KEY (message, position)
            );
            """, """
            CREATE INDEX message_by_folder_time ON message (folder, modified_at, id);
            CREATE INDEX message_outbox_order ON message (folder, submitted_at, id);
            CREATE INDEX address_book_by_name ON address_book (display_name COLLATE NOCASE);
            CREATE INDEX sent_copy_deleting ON sent_copy (message) WHERE delete_local = 1;
            CREATE INDEX entry_history_by_message ON entry_history (message);
            """, """
            ALTER TABLE message ADD COLUMN body_html TEXT NOT NULL DEFAULT '';
            ALTER TABLE message ADD COLUMN plain_text_only INTEGER NOT NULL DEFAULT 0 CHECK (plain_text_only IN (0, 1));
            """, """
            CREATE TABLE IF NOT EXISTS account_writing (
              account TEXT PRIMARY KEY,
              signature TEXT NOT NULL DEFAULT '',
              signature_format TEXT NOT NULL DEFAULT 'PLAIN' CHECK (signature_format IN ('PLAIN', 'HTML')),
              plain_text_only INTEGER NOT NULL DEFAULT 0 CHECK (plain_text_only IN (0, 1))
            );
            """, """
            ALTER TABLE account_imap ADD COLUMN imap_user TEXT;
            """, """
            DROP INDEX message_queue;
            CREATE INDEX message_queue ON message (folder, state, due_at, submitted_at) WHERE folder = 'OUTBOX';
            DROP INDEX message_outbox_order;
            CREATE INDEX message_outbox_order ON message (folder, submitted_at, id) WHERE folder = 'OUTBOX';
            """, """
            CREATE INDEX address_book_by_use ON address_book (use_count DESC, last_used DESC, address, display_name);
            """, """
            -- Each folder's number of messages, kept by triggers as rows come, go and move: counting
            -- a year of Sent walked 100,000 index entries each time the Outbox window opened or
            -- refreshed (issue 21). A migration that rebuilds the message table must make the
            -- three triggers again.
            CREATE TABLE folder_size (
              folder TEXT PRIMARY KEY CHECK (folder IN ('DRAFTS', 'OUTBOX', 'SENT')),
              messages INTEGER NOT NULL
            );
            INSERT INTO folder_size (folder, messages)
              SELECT f.folder, (SELECT count(*) FROM message m WHERE m.folder = f.folder)
              FROM (SELECT 'DRAFTS' AS folder UNION ALL SELECT 'OUTBOX' UNION ALL SELECT 'SENT') f;
            CREATE TRIGGER folder_size_insert AFTER INSERT ON message BEGIN UPDATE folder_size SET messages = messages + 1 WHERE folder = NEW.folder; END;
            CREATE TRIGGER folder_size_delete AFTER DELETE ON message BEGIN UPDATE folder_size SET messages = messages - 1 WHERE folder = OLD.folder; END;
            CREATE TRIGGER folder_size_move AFTER UPDATE OF folder ON message WHEN OLD.folder IS NOT NEW.folder BEGIN UPDATE folder_size SET messages = messages - 1 WHERE folder = OLD.folder; UPDATE folder_size SET messages = messages + 1 WHERE folder = NEW.folder; END;
            """);

    static final int CURRENT_VERSION = MIGRATIONS.size();

    /** The version whose migration first says {@code text}: how tests build a profile as it was just before it. */
    static int versionAdding(String text) {
        return java.util.stream.IntStream.range(0, MIGRATIONS.size()).filter(i -> MIGRATIONS.get(i).contains(text))
                .findFirst().orElseThrow() + 1;
    }

    private Schema() {
    }

    static int version(Connection c) throws SQLException {
        return pragmaInt(c, "user_version");
    }

    static int applicationId(Connection c) throws SQLException {
        return pragmaInt(c, "application_id");
    }

    /** Brings the schema to the current version; the caller holds the write transaction. */
    static void migrate(Connection c) throws SQLException {
        migrate(c, CURRENT_VERSION);
    }

    /** Brings the schema up to {@code target} (tests build old versions with it). */
    static void migrate(Connection c, int target) throws SQLException {
        int version = version(c);
        try (Statement statement = c.createStatement()) {
            for (int next = version; next < target; next++) {
                for (String sql : MIGRATIONS.get(next).split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            if (version < target) {
                requireWholeReferences(statement);
                statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                statement.execute("PRAGMA user_version = " + target);
            }
        }
    }

    /** A rebuilt table must leave every row that refers to it a row to refer to: else nothing commits. */
    private static void requireWholeReferences(Statement statement) throws SQLException {
        try (ResultSet broken = statement.executeQuery("PRAGMA foreign_key_check")) {
            if (broken.next()) {
                throw new StoreOpenException(WORDS.get("database.brokenReference", broken.getString(1),
                        broken.getLong(2), broken.getString(3)));
            }
        }
    }

    private static int pragmaInt(Connection c, String pragma) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
