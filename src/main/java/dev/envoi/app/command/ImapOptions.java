package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.account.InvalidAccountException;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.UsageException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IMAP options of `account add`: the server where a copy of each sent message is filed
 * (`--imap-host`, `--imap-port`, `--imap-security`), the folder to use when the server marks none
 * (`--sent-folder`), the login when it is not the SMTP one (`--imap-user`, signed in to with the
 * account's same secret), and `--sent-copy` / `--no-sent-copy` against the default (on, except for
 * providers such as Gmail that file sent mail themselves).
 */
final class ImapOptions {

    static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("imap-host", ParsedArgs.Arity.VALUE,
            "imap-port", ParsedArgs.Arity.VALUE, "imap-security", ParsedArgs.Arity.VALUE,
            "sent-folder", ParsedArgs.Arity.VALUE, "sent-copy", ParsedArgs.Arity.FLAG,
            "no-sent-copy", ParsedArgs.Arity.FLAG, "imap-user", ParsedArgs.Arity.VALUE);

    private ImapOptions() {
    }

    /** The account's IMAP settings, or empty when no --imap-host was given. */
    static Optional<ImapSettings> read(ParsedArgs parsed, Account account) throws UsageException {
        if (parsed.value("imap-host").filter(h -> !h.isBlank()).isEmpty()) {
            for (String option : List.of("imap-port", "imap-security", "imap-user", "sent-folder", "sent-copy",
                    "no-sent-copy")) {
                if (parsed.has(option)) {
                    throw new UsageException("--" + option + " goes with --imap-host");
                }
            }
            return Optional.empty();
        }
        if (parsed.has("sent-copy") && parsed.has("no-sent-copy")) {
            throw new UsageException("--sent-copy and --no-sent-copy say opposite things; give one");
        }
        if (account.auth() == AuthMethod.NONE) {
            throw new UsageException("--imap-host: the IMAP server is signed in to with the account's login, and this "
                    + "account has none (--user, --auth)");
        }
        SmtpSecurity security = security(parsed.value("imap-security").orElse("tls"));
        ImapServer server;
        try {
            int port = parsed.value("imap-port").isPresent() ? port(parsed.value("imap-port").get())
                    : ImapServer.defaultPort(security);
            server = new ImapServer(parsed.value("imap-host").get(), port, security, "");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--imap-host: " + e.getMessage());
        }
        server = withUser(server, parsed);
        String unsafe = server.problemWithSecurity(account.auth(), parsed.has("insecure"));
        if (unsafe != null) {
            throw new UsageException("--imap-security: " + unsafe + " (--insecure)");
        }
        ImapSettings defaults = ImapSettings.withDefaults(account, server);
        boolean keepCopy = parsed.has("sent-copy") || (!parsed.has("no-sent-copy") && defaults.keepCopy());
        try {
            return Optional.of(new ImapSettings(server, keepCopy, parsed.value("sent-folder").orElse("")));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--sent-folder: " + e.getMessage());
        }
    }

    /** The server with --imap-user's login, when given: it must name someone (else leave it out). */
    private static ImapServer withUser(ImapServer server, ParsedArgs parsed) throws UsageException {
        Optional<String> user = parsed.value("imap-user");
        if (user.isEmpty()) {
            return server;
        }
        if (user.get().isBlank()) {
            throw new UsageException("--imap-user: give a user name, or leave the option out to sign in to IMAP "
                    + "with the SMTP login");
        }
        try {
            return new ImapServer(server.host(), server.port(), server.security(), user.get());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--imap-user: \"" + Printable.of(user.get()) + "\": " + e.getMessage());
        }
    }

    /** What `account add` says about the copy. */
    static String describe(Account account, ImapSettings settings) {
        ImapServer server = settings.server();
        if (settings.keepCopy()) {
            return "; a copy of each sent message goes to the Sent folder on " + server.host() + ":" + server.port()
                    + (server.user().isEmpty() ? "" : " (IMAP user " + Printable.of(server.user()) + ")");
        }
        return ImapSettings.filesSentMailItself(account.host(), server.host())
                ? "; no copy goes to the server's Sent folder: this provider files sent mail itself (--sent-copy to make one)"
                : "; no copy goes to the server's Sent folder (--no-sent-copy)";
    }

    /** The IMAP settings as `account list --json` shows them. */
    static Map<String, Object> row(ImapSettings settings) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("host", settings.server().host());
        row.put("port", settings.server().port());
        row.put("security", settings.server().security().name().toLowerCase(Locale.ROOT));
        row.put("sentCopy", settings.keepCopy());
        row.put("sentFolder", settings.sentFolder().isEmpty() ? null : settings.sentFolder());
        // null: the IMAP server is signed in to with the SMTP login.
        row.put("user", settings.server().user().isEmpty() ? null : settings.server().user());
        return row;
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text.strip());
            if (port < 1 || port > 65535) {
                throw new UsageException("--imap-port: " + port + " is out of range (1 to 65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--imap-port: \"" + Printable.of(text) + "\" is not a whole number");
        }
    }

    private static SmtpSecurity security(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tls", "ssl" -> SmtpSecurity.TLS;
            case "starttls" -> SmtpSecurity.STARTTLS;
            case "none" -> SmtpSecurity.NONE;
            default -> throw new UsageException("--imap-security: \"" + Printable.of(text)
                    + "\" is not tls, starttls or none");
        };
    }
}
