package dev.envoi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Applies the Sent retention setting: deletes the Sent messages it no longer keeps, a few hundred
 * per transaction so the spooler never waits long, with their ids' history, and then the vault
 * files no message uses any more. A message whose copy for the server's Sent folder is still on
 * its way stays. Runs on its own thread after every {@link #FILINGS_PER_RUN} filings in Sent, and
 * when asked.
 */
final class SentPruner implements AutoCloseable {

    static final int FILINGS_PER_RUN = 100;
    private static final int BATCH = 500;
    /**
     * A vault file imported this recently may belong to a window's draft not saved yet (an import
     * of the same bytes rewrites the file, so its time is the last import's).
     */
    static final Duration VAULT_GRACE = Duration.ofMinutes(10);

    private static final String KEPT_FOR_COPY = "id NOT IN (SELECT message FROM sent_copy WHERE state IN ('PENDING', 'FAILED'))";
    static final String OLDER_THAN = "SELECT id FROM message WHERE folder = 'SENT' AND modified_at < ? AND "
            + KEPT_FOR_COPY + " ORDER BY modified_at, id LIMIT ?";
    static final String BEYOND_NEWEST = "SELECT id FROM message WHERE folder = 'SENT' AND " + KEPT_FOR_COPY
            + " ORDER BY modified_at DESC, id DESC LIMIT ? OFFSET ?";
    static final String COUNT_OLDER_THAN = "SELECT count(*) FROM message WHERE folder = 'SENT' AND modified_at < ? AND "
            + KEPT_FOR_COPY;
    static final String COUNT_DELETABLE = "SELECT count(*) FROM message WHERE folder = 'SENT' AND " + KEPT_FOR_COPY;
    static final String STILL_USED = "SELECT 1 FROM attachment WHERE sha256 = ? LIMIT 1";

    private final Database database;
    private final AttachmentVault vault;
    private final StoreSettings settings;
    private final QueueEvents events;
    private final Clock clock;
    private final AtomicInteger filings = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "envoi-sent-retention");
        t.setDaemon(true);
        return t;
    });

    SentPruner(Database database, AttachmentVault vault, StoreSettings settings, QueueEvents events, Clock clock) {
        this.database = database;
        this.vault = vault;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** A message was filed in Sent: every so many, the setting is applied in the background. */
    void filed() {
        if (filings.incrementAndGet() % FILINGS_PER_RUN == 0) {
            later();
        }
    }

    /** Applies the setting soon on the pruner's thread (at most one run waits). */
    void later() {
        if (pending.compareAndSet(false, true)) {
            thread.execute(() -> {
                pending.set(false);
                try {
                    pruneNow();
                } catch (StoreException e) {
                    // The next run tries again; keeping mail a little longer harms nobody.
                }
            });
        }
    }

    /** Applies the setting now; returns how many messages it deleted. */
    int pruneNow() {
        SentRetention retention = settings.sentRetention();
        if (retention.keep() == SentRetention.Keep.ALL) {
            return 0;
        }
        int removed = 0;
        while (true) {
            Set<String> unused = new LinkedHashSet<>();
            int batch = database.write("delete old sent messages", c -> deleteBatch(c, retention, unused));
            removed += batch;
            if (!unused.isEmpty()) {
                database.write("free the attachments of deleted messages", c -> free(c, unused));
            }
            if (batch < BATCH) {
                break;
            }
        }
        if (removed > 0) {
            events.publish(new QueueEvent.ExternalChange());
        }
        return removed;
    }

    /** How many Sent messages {@code retention} would delete now, to ask the user before it does. */
    int countBeyond(SentRetention retention) {
        return switch (retention.keep()) {
            case ALL -> 0;
            case DAYS -> database.read("count old sent messages", c -> count(c, COUNT_OLDER_THAN,
                    clock.millis() - Duration.ofDays(retention.amount()).toMillis()));
            case MESSAGES -> Math.max(0, database.read("count sent messages", c -> count(c, COUNT_DELETABLE)) - retention.amount());
        };
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private int deleteBatch(Connection c, SentRetention retention, Set<String> unused) throws SQLException {
        List<Long> ids = retention.keep() == SentRetention.Keep.DAYS
                ? ids(c, OLDER_THAN, clock.millis() - Duration.ofDays(retention.amount()).toMillis(), BATCH)
                : ids(c, BEYOND_NEWEST, BATCH, retention.amount());
        if (ids.isEmpty()) {
            return 0;
        }
        // Row ids from the database itself, never text from outside: safe to write into the query.
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
        Set<String> hashes = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT sha256 FROM attachment WHERE message IN " + in);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                hashes.add(rs.getString(1));
            }
        }
        Database.update(c, "DELETE FROM entry_history WHERE message IN " + in);
        Database.update(c, "DELETE FROM message WHERE id IN " + in);
        for (String hash : hashes) {
            if (!stillUsed(c, hash)) {
                unused.add(hash);
            }
        }
        return ids.size();
    }

    /** Under the write lock, so no message can take up a file between the check and the delete. */
    private Void free(Connection c, Set<String> hashes) throws SQLException {
        java.time.Instant importedBefore = clock.instant().minus(VAULT_GRACE);
        for (String hash : hashes) {
            if (!stillUsed(c, hash)) {
                vault.deleteIfOlder(hash, importedBefore);
            }
        }
        return null;
    }

    private static boolean stillUsed(Connection c, String hash) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, STILL_USED, hash); ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
    }

    private static List<Long> ids(Connection c, String sql, Object... args) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c, sql, args); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
