package dev.envoi.account;

import dev.envoi.i18n.Sentences;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What an account does with IMAP: its server, whether a copy of each sent message goes to the
 * server's Sent folder, and the folder the user chose for it ("" to let Envoi find it).
 */
public record ImapSettings(ImapServer server, boolean keepCopy, String sentFolder) {

    /** Providers that file what their SMTP server sends in Sent themselves: a copy would be a duplicate. */
    private static final Sentences WORDS = Sentences.of(ImapSettings.class);
    private static final Set<String> SELF_FILING_DOMAINS = Set.of("gmail.com", "googlemail.com");

    public ImapSettings {
        Objects.requireNonNull(server, "server");
        sentFolder = sentFolder == null ? "" : sentFolder.strip();
        if (sentFolder.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new InvalidAccountException(WORDS.get("rule.sentFolder"), false);
        }
    }

    /** The settings an account gets when IMAP is set and the user said nothing about the copy. */
    public static ImapSettings withDefaults(Account account, ImapServer server) {
        return new ImapSettings(server, !filesSentMailItself(account.host(), server.host()), "");
    }

    /** True for a provider such as Gmail, which puts what its SMTP server sends in Sent on its own. */
    public static boolean filesSentMailItself(String smtpHost, String imapHost) {
        return isSelfFiling(smtpHost) || isSelfFiling(imapHost);
    }

    private static boolean isSelfFiling(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return SELF_FILING_DOMAINS.stream().anyMatch(d -> h.equals(d) || h.endsWith("." + d));
    }
}
