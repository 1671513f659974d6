package dev.envoi.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection this process keeps to the profile database. Every write runs in a
 * transaction that begins IMMEDIATE (so two processes never deadlock upgrading a read lock) and is
 * durable when {@link #write} returns: WAL with synchronous=FULL, fullfsync where the OS has it.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static Database open(Path file) {
        SqliteNativeCache.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL would lose the last commits on power loss; the user was told they were saved.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try {
            // Autocommit stays on: the driver would otherwise begin the next transaction right
            // after each commit and hold the write lock between them, shutting out other processes.
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            // On macOS fsync() may leave the data in the drive's cache; F_FULLFSYNC does not. The
            // driver's enableFullSync sends "PRAGMA fullsync", a name SQLite ignores, so set it here
            // (a no-op on other systems).
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA fullfsync = ON");
                statement.execute("PRAGMA checkpoint_fullfsync = ON");
            }
            return new Database(file, connection);
        } catch (SQLException e) {
            throw StoreErrors.translate(file, "open", e);
        }
    }

    Path file() {
        return file;
    }

    /** Runs the work in one write transaction, committed durably before this returns. */
    <T> T write(String what, SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", what, work);
    }

    /**
     * Like {@link #write}, for a change that recovery redoes anyway if a power cut loses it (the
     * spooler's lock on a message): committed without waiting for the disk. The next durable write
     * makes it durable too, since the WAL reaches the disk in order.
     */
    <T> T writeUnsynced(String what, SqlWork<T> work) {
        return between("PRAGMA synchronous=NORMAL", "PRAGMA synchronous=FULL", what, () -> write(what, work));
    }

    /**
     * Runs the work (its own transactions) with foreign keys off, as SQLite's way of rebuilding a
     * table needs: dropping the old table would otherwise delete every row that refers to it. The
     * work checks the references itself before it commits ({@code PRAGMA foreign_key_check}).
     */
    <T> T withoutForeignKeys(String what, java.util.function.Supplier<T> work) {
        // Only outside a transaction does this pragma take effect.
        return between("PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON", what, work);
    }

    /** Runs the work with a connection setting changed by {@code before}, and restored by {@code after}. */
    private <T> T between(String before, String after, String what, java.util.function.Supplier<T> work) {
        lock.lock();
        try {
            execute(before);
            try {
                return work.get();
            } finally {
                execute(after);
            }
        } catch (SQLException e) {
            throw StoreErrors.translate(file, what, e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only work on one consistent snapshot, without taking the write lock. */
    <T> T read(String what, SqlWork<T> work) {
        return inTransaction("BEGIN DEFERRED", what, work);
    }

    private <T> T inTransaction(String begin, String what, SqlWork<T> work) {
        lock.lock();
        try {
            boolean begun = false;
            try {
                execute(begin);
                begun = true;
                T result = work.run(connection);
                execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                if (begun) {
                    rollbackQuietly();
                }
                if (e instanceof SQLException sql) {
                    throw StoreErrors.translate(file, what, sql);
                }
                throw (RuntimeException) e;
            }
        } finally {
            lock.unlock();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** PRAGMA data_version: changes when another connection (another process) commits. */
    long dataVersion() {
        lock.lock();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            return rs.next() ? rs.getLong(1) : 0L;
        } catch (SQLException e) {
            throw StoreErrors.translate(file, "check for changes", e);
        } finally {
            lock.unlock();
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
        return statement;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = prepare(c, sql, args)) {
            return statement.executeUpdate();
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // The original failure is what the user must see.
            LOG.warn("a rollback after a failed transaction failed too", e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
            CleanClose.record(file);
        } catch (SQLException e) {
            throw StoreErrors.translate(file, "close", e);
        } finally {
            lock.unlock();
        }
    }
}
