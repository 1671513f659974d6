package dev.envoi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child process: takes an exclusive lock on an SQLite database, as another program
 * (a backup tool, a second Envoi stuck in a write) might, prints "locked", and holds it for the
 * given milliseconds. Usage: {@code DatabaseLocker FILE MILLIS}.
 */
public final class DatabaseLocker {

    private DatabaseLocker() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]); Statement s = c.createStatement()) {
            s.execute("BEGIN EXCLUSIVE");
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(Long.parseLong(args[1]));
            s.execute("COMMIT");
        }
    }
}
