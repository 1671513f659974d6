package dev.envoi.store;

import dev.envoi.account.Signature;
import dev.envoi.account.WritingSettings;
import dev.envoi.account.WritingSettingsRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The account_writing table: an account's signature and its plain-text default, by account name. */
final class SqliteWritingSettings implements WritingSettingsRepository {

    private final Database database;

    SqliteWritingSettings(Database database) {
        this.database = database;
    }

    @Override
    public WritingSettings forAccount(String accountName) {
        return database.read("read the signature of the account", c -> {
            try (PreparedStatement s = Database.prepare(c, "SELECT signature, signature_format, plain_text_only "
                    + "FROM account_writing WHERE account = ?", accountName); ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return WritingSettings.DEFAULT;
                }
                return new WritingSettings(new Signature(rs.getString(1), Signature.Format.valueOf(rs.getString(2))),
                        rs.getInt(3) != 0);
            }
        });
    }

    @Override
    public void put(String accountName, WritingSettings settings) {
        database.write("save the signature of the account", c -> Database.update(c, "INSERT OR REPLACE INTO "
                + "account_writing (account, signature, signature_format, plain_text_only) VALUES (?, ?, ?, ?)",
                accountName, settings.signature().text(), settings.signature().format().name(),
                settings.plainTextOnly() ? 1 : 0));
    }

    @Override
    public boolean remove(String accountName) {
        return database.write("remove the signature of the account",
                c -> Database.update(c, "DELETE FROM account_writing WHERE account = ?", accountName)) > 0;
    }
}
