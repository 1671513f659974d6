package dev.envoi.store;

import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.ImapSettingsRepository;
import dev.envoi.account.SmtpSecurity;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The account_imap table: an account's IMAP server and its Sent-folder copy setting, by account name. */
final class SqliteImapSettings implements ImapSettingsRepository {

    private final Database database;

    SqliteImapSettings(Database database) {
        this.database = database;
    }

    @Override
    public Optional<ImapSettings> forAccount(String accountName) {
        return database.read("read the IMAP settings of the account", c -> {
            try (PreparedStatement s = Database.prepare(c, "SELECT host, port, security, keep_copy, sent_folder "
                    + "FROM account_imap WHERE account = ?", accountName); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                ImapServer server = new ImapServer(rs.getString(1), rs.getInt(2), SmtpSecurity.valueOf(rs.getString(3)));
                return Optional.of(new ImapSettings(server, rs.getInt(4) != 0, rs.getString(5)));
            }
        });
    }

    @Override
    public void put(String accountName, ImapSettings settings) {
        ImapServer server = settings.server();
        database.write("save the IMAP settings of the account", c -> Database.update(c, "INSERT OR REPLACE INTO account_imap "
                + "(account, host, port, security, keep_copy, sent_folder) VALUES (?, ?, ?, ?, ?, ?)", accountName,
                server.host(), server.port(), server.security().name(), settings.keepCopy() ? 1 : 0,
                settings.sentFolder()));
    }

    @Override
    public boolean remove(String accountName) {
        return database.write("remove the IMAP settings of the account",
                c -> Database.update(c, "DELETE FROM account_imap WHERE account = ?", accountName)) > 0;
    }
}
