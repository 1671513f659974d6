package dev.envoi.account;

import dev.envoi.message.MailAddress;

/** Accounts for tests. */
public final class Accounts {

    private Accounts() {
    }

    public static Account loopback(String name, int port) {
        return new Account(name, new MailAddress("Émile Envoi", name + "@example.org"), "127.0.0.1", port,
                SmtpSecurity.NONE, "", AuthMethod.NONE, 0, true, false, false, "", false);
    }
}
