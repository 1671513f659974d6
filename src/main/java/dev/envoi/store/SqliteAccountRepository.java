package dev.envoi.store;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.message.MailAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts in the profile database; no secret is ever written here. */
final class SqliteAccountRepository implements AccountRepository {

    private static final String COLUMNS = "name, display_name, address, host, port, security, user_name, auth, "
            + "size_limit, keep_in_sent, partial_delivery, insecure_confirmed, pinned_certificate, is_default, sendmail_program";

    private final Database database;

    SqliteAccountRepository(Database database) {
        this.database = database;
    }

    @Override
    public List<Account> accounts() {
        return database.read("list the accounts", c -> query(c, "ORDER BY name", List.of()));
    }

    @Override
    public Optional<Account> find(String name) {
        return database.read("find the account", c -> query(c, "WHERE name = ?", List.of(name)).stream().findFirst());
    }

    @Override
    public Optional<Account> defaultAccount() {
        List<Account> all = accounts();
        return all.stream().filter(Account::isDefault).findFirst()
                .or(() -> all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty());
    }

    @Override
    public Optional<Account> forAddress(String address) {
        return database.read("find the account", c ->
                query(c, "WHERE address = ? COLLATE NOCASE ORDER BY is_default DESC, name", List.of(address))
                        .stream().findFirst());
    }

    @Override
    public void put(Account account) {
        database.write("save the account", c -> {
            if (account.isDefault()) {
                Database.update(c, "UPDATE account SET is_default = 0");
            }
            return Database.update(c, "INSERT OR REPLACE INTO account (" + COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", account.name(), account.identity().displayName(),
                    account.identity().address(), account.host(), account.port(), account.security().name(),
                    account.user(), account.auth().name(), account.sizeLimit(), bit(account.keepInSent()),
                    bit(account.partialDelivery()), bit(account.insecureConfirmed()), account.pinnedCertificate(),
                    bit(account.isDefault()), account.sendmailProgram());
        });
    }

    @Override
    public boolean remove(String name) {
        return database.write("remove the account", c -> {
            Database.update(c, "DELETE FROM account_imap WHERE account = ?", name);
            Database.update(c, "DELETE FROM account_oauth WHERE account = ?", name);
            Database.update(c, "DELETE FROM account_writing WHERE account = ?", name);
            return Database.update(c, "DELETE FROM account WHERE name = ?", name);
        }) > 0;
    }

    private static List<Account> query(Connection c, String where, List<Object> args) throws SQLException {
        List<Account> result = new ArrayList<>();
        try (PreparedStatement s = Database.prepare(c, "SELECT " + COLUMNS + " FROM account " + where, args.toArray());
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                result.add(new Account(rs.getString(1), new MailAddress(rs.getString(2), rs.getString(3)),
                        rs.getString(4), rs.getInt(5), SmtpSecurity.valueOf(rs.getString(6)), rs.getString(7),
                        AuthMethod.valueOf(rs.getString(8)), rs.getLong(9), rs.getInt(10) != 0, rs.getInt(11) != 0,
                        rs.getInt(12) != 0, rs.getString(13), rs.getInt(14) != 0, rs.getString(15)));
            }
        }
        return result;
    }

    private static int bit(boolean value) {
        return value ? 1 : 0;
    }
}
