package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

/** Profile settings kept in the setting table, each read fresh so other processes' changes count. */
final class SqliteSettings implements StoreSettings {

    private static final Sentences WORDS = Sentences.of(SqliteSettings.class);
    static final long DEFAULT_ATTACHMENT_LIMIT = 2L * 1024 * 1024 * 1024;

    private static final String UPSERT =
            "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    private final Database database;

    SqliteSettings(Database database) {
        this.database = database;
    }

    @Override
    public Duration undoWindow() {
        return Duration.ofMillis(getLong("undo_window_millis", DEFAULT_UNDO_WINDOW.toMillis()));
    }

    @Override
    public void setUndoWindow(Duration window) {
        if (window.isNegative() || window.compareTo(MAX_UNDO_WINDOW) > 0) {
            throw new IllegalArgumentException(WORDS.get("settings.undoWindow", MAX_UNDO_WINDOW.toSeconds()));
        }
        put("undo_window_millis", Long.toString(window.toMillis()));
    }

    @Override
    public boolean deleteAfterSend() {
        return getLong("delete_after_send", 0) != 0;
    }

    @Override
    public void setDeleteAfterSend(boolean delete) {
        put("delete_after_send", delete ? "1" : "0");
    }

    @Override
    public Duration retryLimit() {
        return Duration.ofMillis(getLong("retry_limit_millis", Duration.ofDays(5).toMillis()));
    }

    @Override
    public void setRetryLimit(Duration limit) {
        if (limit.isNegative()) {
            throw new IllegalArgumentException(WORDS.get("settings.retryLimit"));
        }
        put("retry_limit_millis", Long.toString(limit.toMillis()));
    }

    @Override
    public long attachmentSizeLimit() {
        return getLong("attachment_size_limit", DEFAULT_ATTACHMENT_LIMIT);
    }

    @Override
    public void setAttachmentSizeLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException(WORDS.get("settings.attachmentLimit"));
        }
        put("attachment_size_limit", Long.toString(bytes));
    }

    @Override
    public SentRetention sentRetention() {
        long days = getLong("sent_keep_days", 0);
        long messages = getLong("sent_keep_messages", 0);
        return days > 0 ? SentRetention.days((int) days)
                : messages > 0 ? SentRetention.messages((int) messages) : SentRetention.KEEP_ALL;
    }

    @Override
    public void setSentRetention(SentRetention retention) {
        // Both keys in one transaction: a reader never sees a limit by days and one by count at once.
        database.write("save the settings", c -> {
            putIn(c, "sent_keep_days", retention.keep() == SentRetention.Keep.DAYS ? retention.amount() : 0);
            return putIn(c, "sent_keep_messages", retention.keep() == SentRetention.Keep.MESSAGES ? retention.amount() : 0);
        });
    }

    private static int putIn(java.sql.Connection c, String key, long value) throws java.sql.SQLException {
        return Database.update(c, UPSERT, key, Long.toString(value));
    }

    private long getLong(String key, long fallback) {
        return database.read("read the settings", c -> {
            try (PreparedStatement s = Database.prepare(c, "SELECT value FROM setting WHERE key = ?", key);
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : fallback;
            }
        });
    }

    private void put(String key, String value) {
        database.write("save the settings", c -> Database.update(c, UPSERT, key, value));
    }
}
