package dev.envoi.store;

import dev.envoi.account.OAuthSettings;
import dev.envoi.account.OAuthSettingsRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The sign-in settings of OAuth accounts, a table of their own; never a token (a desktop client secret is not one). */
final class SqliteOAuthSettings implements OAuthSettingsRepository {

    private final Database database;

    SqliteOAuthSettings(Database database) {
        this.database = database;
    }

    @Override
    public Optional<OAuthSettings> find(String accountName) {
        return database.read("find the sign-in settings", c -> {
            try (PreparedStatement s = Database.prepare(c, "SELECT provider, issuer, client_id, scopes, client_secret FROM account_oauth "
                    + "WHERE account = ?", accountName); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new OAuthSettings(accountName, rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5))) : Optional.<OAuthSettings>empty();
            }
        });
    }

    @Override
    public void put(OAuthSettings settings) {
        database.write("save the sign-in settings", c -> Database.update(c, "INSERT OR REPLACE INTO account_oauth "
                + "(account, provider, issuer, client_id, scopes, client_secret) VALUES (?, ?, ?, ?, ?, ?)",
                settings.account(), settings.provider(), settings.issuer(), settings.clientId(), settings.scopes(),
                settings.clientSecret()));
    }

    @Override
    public boolean remove(String accountName) {
        return database.write("remove the sign-in settings",
                c -> Database.update(c, "DELETE FROM account_oauth WHERE account = ?", accountName)) > 0;
    }
}
