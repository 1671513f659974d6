package dev.envoi.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A table of one row per account name, holding settings of one kind (the IMAP server, the OAuth
 * sign-in): the one way they are read, replaced and removed. A subclass names its columns and says
 * how a row becomes settings and back.
 */
abstract class AccountTable<T> {

    private final Database database;
    private final String table;
    private final String[] columns;
    private final String what;

    /** {@code what} names the settings in an error ("the IMAP settings of the account"). */
    AccountTable(Database database, String table, String what, String... columns) {
        this.database = database;
        this.table = table;
        this.what = what;
        this.columns = columns;
    }

    /** The settings from the row's columns, in the order given to the constructor. */
    abstract T read(String accountName, ResultSet row) throws SQLException;

    /** The settings' values for the columns, in the order given to the constructor. */
    abstract Object[] values(T settings);

    public Optional<T> find(String accountName) {
        return database.read("read " + what, c -> {
            try (PreparedStatement s = Database.prepare(c, "SELECT " + String.join(", ", columns) + " FROM " + table
                    + " WHERE account = ?", accountName); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(accountName, rs)) : Optional.<T>empty();
            }
        });
    }

    /** Adds or replaces the account's row. */
    void put(String accountName, T settings) {
        Object[] values = values(settings);
        Object[] args = new Object[values.length + 1];
        args[0] = accountName;
        System.arraycopy(values, 0, args, 1, values.length);
        database.write("save " + what, c -> Database.update(c, "INSERT OR REPLACE INTO " + table + " (account, "
                + String.join(", ", columns) + ") VALUES (?" + ", ?".repeat(columns.length) + ")", args));
    }

    /** Removes the account's row; false if it had none. */
    public boolean remove(String accountName) {
        return database.write("remove " + what,
                c -> Database.update(c, "DELETE FROM " + table + " WHERE account = ?", accountName)) > 0;
    }
}
