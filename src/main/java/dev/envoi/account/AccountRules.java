package dev.envoi.account;

import dev.envoi.i18n.Sentences;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks an account's settings must pass; each answer names the setting and says why. */
final class AccountRules {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}.-]{1,253}|\\[[0-9a-fA-F:.]+]");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\." + OCTET + "){3}");
    private static final Sentences WORDS = Sentences.of(AccountRules.class);

    private AccountRules() {
    }

    static String problemWith(String name, String host, int port, String user, AuthMethod auth, long sizeLimit) {
        if (name == null || !NAME.matcher(name).matches()) {
            return WORDS.get("rule.name");
        }
        if (host == null || !HOST.matcher(host).matches()) {
            return WORDS.get("rule.host", host);
        }
        if (port < 1 || port > 65535) {
            return WORDS.get("rule.port", port);
        }
        if (auth != AuthMethod.NONE && user.isBlank()) {
            return WORDS.get("rule.user", auth.name().toLowerCase(Locale.ROOT));
        }
        if (sizeLimit < 0) {
            return WORDS.get("rule.sizeLimit");
        }
        return null;
    }

    /** Null when the settings are safe, or when the user confirmed sending in the clear. */
    static String problemWithSecurity(String host, SmtpSecurity security, AuthMethod auth, boolean insecureConfirmed) {
        if (security == SmtpSecurity.NONE && !isLoopback(host) && !insecureConfirmed) {
            return WORDS.get("rule.unencrypted", host);
        }
        if (security == SmtpSecurity.NONE && auth != AuthMethod.NONE && !isLoopback(host) && !insecureConfirmed) {
            return WORDS.get("rule.passwordUnencrypted");
        }
        return null;
    }

    static String problemWithSendmail(String program) {
        if (program.isEmpty()) {
            return null;
        }
        if (!program.startsWith("/") || program.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return WORDS.get("rule.sendmail", program);
        }
        return null;
    }

    /**
     * Decided by the text alone, never by resolving it: a name such as {@code 127.0.0.1.nip.io} or
     * {@code 127.smtp.example.com} may point anywhere, so only {@code localhost}, an IPv4 literal in
     * 127.0.0.0/8 and {@code ::1} (bracketed or not) are this machine.
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches();
    }
}
