package dev.envoi.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** The checks an account's settings must pass; each answer names the setting and says why. */
final class AccountRules {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}.-]{1,253}|\\[[0-9a-fA-F:.]+]");

    private AccountRules() {
    }

    static String problemWith(String name, String host, int port, SmtpSecurity security, String user, AuthMethod auth,
                              long sizeLimit, boolean insecureConfirmed) {
        if (name == null || !NAME.matcher(name).matches()) {
            return "account name: use 1 to 64 letters, digits, dots, dashes or underscores";
        }
        if (host == null || !HOST.matcher(host).matches()) {
            return "host: \"" + host + "\" is not a host name or address";
        }
        if (port < 1 || port > 65535) {
            return "port: " + port + " is not between 1 and 65535";
        }
        if (auth != AuthMethod.NONE && user.isBlank()) {
            return "user: a user name is needed for " + auth.name().toLowerCase(Locale.ROOT) + " authentication";
        }
        if (sizeLimit < 0) {
            return "size limit: cannot be negative";
        }
        if (security == SmtpSecurity.NONE && !isLoopback(host) && !insecureConfirmed) {
            return "security: sending without encryption to " + host + " would expose your mail and password on the "
                    + "network; choose tls or starttls, or confirm that you accept it";
        }
        if (security == SmtpSecurity.NONE && auth != AuthMethod.NONE && !isLoopback(host) && !insecureConfirmed) {
            return "security: a password must not travel unencrypted";
        }
        return null;
    }

    static String problemWithSendmail(String program) {
        if (program.isEmpty()) {
            return null;
        }
        if (!program.startsWith("/") || program.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "sendmail: \"" + program + "\" is not an absolute path such as /usr/sbin/sendmail";
        }
        return null;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
