package dev.envoi.store;

import dev.envoi.i18n.Sentences;
import dev.envoi.message.EntryId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The account a queued message goes through: the spooler's "wait for it" when that account is
 * gone or cannot send, and the user's choice of another one. Callers hold the write transaction.
 */
final class AccountAssignment {

    private static final Sentences WORDS = Sentences.of(AccountAssignment.class);

    private AccountAssignment() {
    }

    /**
     * Unlocks a message whose account cannot send it: it waits, with the reason, until
     * {@code recheckAt}. No attempt was made, so none is counted and the retry limit does not
     * start: waiting for an account never turns into a failure.
     */
    static void waitForAccount(Connection c, MessageRow row, String reason, Instant recheckAt) throws SQLException {
        if (row.queueState() != QueueState.SENDING || row.isHandedOff()) {
            return; // no longer locked by this attempt (cancelled meanwhile): nothing to release
        }
        QueueRows.move(c, row, QueueState.RETRYING, "attempts = max(attempts - 1, 0), due_at = ?, last_error = ?",
                recheckAt.toEpochMilli(), reason);
    }

    /**
     * Sends a message through another account, from now. Refused while it is being sent or once
     * its delivery is uncertain, and for an account that does not send as the message's sender.
     */
    static void reassign(Connection c, MessageRow row, String account, Instant now) throws SQLException {
        QueueState state = row.queueState();
        if (row.isHandedOff() || state == QueueState.SENDING || state == QueueState.HANDED_OFF
                || state == QueueState.UNCERTAIN) {
            throw new NotInQueueException(WORDS.get("reassign.notWaiting"));
        }
        String sender = MessageTable.loadContent(c, row.rowId()).from().address();
        String address = addressOf(c, account);
        if (address == null) {
            throw new StoreException(WORDS.get("reassign.noAccount", account));
        }
        if (!address.toLowerCase(Locale.ROOT).equals(sender.toLowerCase(Locale.ROOT))) {
            throw new StoreException(WORDS.get("reassign.otherAddress", account, address, sender));
        }
        QueueRows.move(c, row, QueueState.QUEUED, "account = ?, due_at = ?, attempts = 0, first_failure_at = NULL, "
                + "last_error = NULL", account, now.toEpochMilli());
    }

    static List<String> otherAccounts(Connection c, EntryId queuedId) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c, """
                SELECT a.name FROM message m JOIN account a ON a.address = m.from_address COLLATE NOCASE
                WHERE m.entry_id = ? AND m.folder = 'OUTBOX' AND (m.account IS NULL OR a.name <> m.account)
                ORDER BY a.name""", queuedId.value());
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String addressOf(Connection c, String account) throws SQLException {
        try (PreparedStatement s = Database.prepare(c, "SELECT address FROM account WHERE name = ?", account);
             ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
