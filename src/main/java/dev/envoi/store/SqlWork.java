package dev.envoi.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the database, run inside a transaction by {@link Database}. */
@FunctionalInterface
interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
