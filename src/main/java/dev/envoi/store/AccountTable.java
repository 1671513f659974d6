package dev.envoi.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A table of one row per account name, holding settings of one kind (the IMAP server, the OAuth
 * sign-in): the one way they are read, replaced and removed. A subclass names its columns, says
 * how a row becomes settings and back, and runs each in a transaction named for the user.
 */
abstract class AccountTable<T> {

    final Database database;
    private final String table;
    private final String[] columns;

    AccountTable(Database database, String table, String... columns) {
        this.database = database;
        this.table = table;
        this.columns = columns;
    }

    /** The settings from the row's columns, in the order given to the constructor. */
    abstract T read(String accountName, ResultSet row) throws SQLException;

    /** The settings' values for the columns, in the order given to the constructor. */
    abstract Object[] values(T settings);

    Optional<T> find(Connection c, String accountName) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, "SELECT " + String.join(", ", columns) + " FROM " + table
                + " WHERE account = ?", accountName); ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(read(accountName, rs)) : Optional.empty();
        }
    }

    /** Adds or replaces the account's row. */
    int put(Connection c, String accountName, T settings) throws SQLException {
        Object[] values = values(settings);
        Object[] args = new Object[values.length + 1];
        args[0] = accountName;
        System.arraycopy(values, 0, args, 1, values.length);
        return Database.update(c, "INSERT OR REPLACE INTO " + table + " (account, " + String.join(", ", columns)
                + ") VALUES (?" + ", ?".repeat(columns.length) + ")", args);
    }

    /** Removes the account's row; false if it had none. */
    boolean remove(Connection c, String accountName) throws SQLException {
        return Database.update(c, "DELETE FROM " + table + " WHERE account = ?", accountName) > 0;
    }
}
