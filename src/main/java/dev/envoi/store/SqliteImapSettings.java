package dev.envoi.store;

import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.ImapSettingsRepository;
import dev.envoi.account.SmtpSecurity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The account_imap table: an account's IMAP server (and its own login, NULL for the SMTP one) and its
 * Sent-folder copy setting, by account name.
 */
final class SqliteImapSettings extends AccountTable<ImapSettings> implements ImapSettingsRepository {

    SqliteImapSettings(Database database) {
        super(database, "account_imap", "host", "port", "security", "keep_copy", "sent_folder", "imap_user");
    }

    @Override
    public Optional<ImapSettings> forAccount(String accountName) {
        return database.read("read the IMAP settings of the account", c -> find(c, accountName));
    }

    @Override
    public void put(String accountName, ImapSettings settings) {
        database.write("save the IMAP settings of the account", c -> put(c, accountName, settings));
    }

    @Override
    public boolean remove(String accountName) {
        return database.write("remove the IMAP settings of the account", c -> remove(c, accountName));
    }

    @Override
    ImapSettings read(String accountName, ResultSet row) throws SQLException {
        // NULL (a row from before the column) and "" both mean: the account's SMTP login.
        ImapServer server = new ImapServer(row.getString(1), row.getInt(2), SmtpSecurity.valueOf(row.getString(3)),
                row.getString(6));
        return new ImapSettings(server, row.getInt(4) != 0, row.getString(5));
    }

    @Override
    Object[] values(ImapSettings settings) {
        ImapServer server = settings.server();
        return new Object[] {server.host(), server.port(), server.security().name(), settings.keepCopy() ? 1 : 0,
                settings.sentFolder(), server.user().isEmpty() ? null : server.user()};
    }
}
