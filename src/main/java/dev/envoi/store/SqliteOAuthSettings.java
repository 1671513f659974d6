package dev.envoi.store;

import dev.envoi.account.OAuthSettings;
import dev.envoi.account.OAuthSettingsRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The sign-in settings of OAuth accounts, a table of their own; never a token (a desktop client secret is not one). */
final class SqliteOAuthSettings extends AccountTable<OAuthSettings> implements OAuthSettingsRepository {

    SqliteOAuthSettings(Database database) {
        super(database, "account_oauth", "provider", "issuer", "client_id", "scopes", "client_secret");
    }

    @Override
    public Optional<OAuthSettings> find(String accountName) {
        return database.read("find the sign-in settings", c -> find(c, accountName));
    }

    @Override
    public void put(OAuthSettings settings) {
        database.write("save the sign-in settings", c -> put(c, settings.account(), settings));
    }

    @Override
    public boolean remove(String accountName) {
        return database.write("remove the sign-in settings", c -> remove(c, accountName));
    }

    @Override
    OAuthSettings read(String accountName, ResultSet row) throws SQLException {
        return new OAuthSettings(accountName, row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5));
    }

    @Override
    Object[] values(OAuthSettings settings) {
        return new Object[] {settings.provider(), settings.issuer(), settings.clientId(), settings.scopes(),
                settings.clientSecret()};
    }
}
