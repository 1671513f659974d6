package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.ImapServer;
import dev.envoi.account.ImapSettings;
import dev.envoi.app.cli.Json;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.message.MailAddress;
import dev.envoi.setup.AccountFinder;
import dev.envoi.setup.Attempt;
import dev.envoi.setup.Discovery;
import dev.envoi.setup.Endpoint;
import dev.envoi.setup.FinderSettings;
import dev.envoi.setup.Finding;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * `envoi account add NAME --address ADDR --auto [--dry-run] [--json]`: finds the account's servers
 * (docs/accounts.md), says what it found and where from, and hands back the account to save.
 */
final class AutoSetup {

    private final Terminal terminal;

    AutoSetup(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The discovered servers, printed; empty when nothing safe was found (said why on stderr). */
    Optional<Discovery> discover(String address, boolean json) throws UsageException {
        FinderSettings settings;
        try {
            settings = FinderSettings.fromEnvironment(terminal.env());
        } catch (IllegalArgumentException e) {
            throw new UsageException(Printable.of(e.getMessage()));
        }
        Finding finding = new AccountFinder(settings).find(address);
        for (Attempt attempt : finding.attempts()) {
            if (attempt.outcome() != Attempt.Outcome.SKIPPED) {
                terminal.say("  " + attempt.source().id() + ": " + attempt.outcome().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " — " + Printable.of(attempt.asked())
                        + (attempt.detail().isEmpty() ? "" : " (" + Printable.of(attempt.detail()) + ")"));
            }
        }
        if (finding.discovery().isEmpty()) {
            terminal.say("found no settings safe to use for " + Printable.of(address) + "; give them yourself with "
                    + "--host, --security and --user instead of --auto");
            return Optional.empty();
        }
        Discovery found = finding.discovery().get();
        if (json) {
            terminal.out().println(Json.write(json(found)));
        } else {
            terminal.out().println("outgoing: " + Printable.of(found.smtp().toString()));
            terminal.out().println("incoming: " + found.imapServer().map(e -> Printable.of(e.toString()))
                    .orElse("(not found)"));
            terminal.out().println("sign in:  " + signIn(found) + " as " + Printable.of(found.user()));
            terminal.out().println("from:     " + where(found));
        }
        return Optional.of(found);
    }

    /**
     * Where a discovery becomes the account's outgoing settings; {@link #imap} makes its incoming
     * ones.
     */
    static Account account(String name, MailAddress identity, Discovery found, boolean makeDefault) {
        Endpoint smtp = found.smtp();
        return new Account(name, identity, smtp.host(), smtp.port(), smtp.security(), found.user(),
                found.signIn().method(), 0, true, false, false, "", makeDefault);
    }

    /**
     * The incoming server found, as the account's IMAP settings: a copy of each sent message goes to
     * its Sent folder, except for providers that file sent mail themselves (ImapSettings.withDefaults).
     */
    static Optional<ImapSettings> imap(Account account, Discovery found) {
        return found.imapServer().map(imap -> ImapSettings.withDefaults(account,
                new ImapServer(imap.host(), imap.port(), imap.security())));
    }

    /**
     * The OAuth 2.0 settings for servers found that sign in with it: the provider's preset, with the
     * client id given (--oauth-client-id) or the one this build carries; empty for a password.
     */
    static Optional<OAuthAccountOptions> oauth(Discovery found, ParsedArgs parsed) throws UsageException {
        if (found.signIn().method() != AuthMethod.OAUTH2) {
            if (parsed.has("oauth-client-id") || parsed.has("oauth-client-secret")) {
                throw new UsageException("--oauth-client-id: the servers found sign in with a password, not OAuth 2.0");
            }
            return Optional.empty();
        }
        return Optional.of(OAuthAccountOptions.forProvider(found.signIn().oauthProvider(), parsed));
    }

    /** `--json`: {"smtp":{"host","port","security"},"imap":{...} or null,"auth","source"}. */
    static Map<String, Object> json(Discovery found) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("smtp", server(found.smtp()));
        out.put("imap", found.imapServer().map(AutoSetup::server).orElse(null));
        out.put("auth", found.signIn().id());
        out.put("source", found.source().id());
        return out;
    }

    private static Map<String, Object> server(Endpoint endpoint) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", endpoint.host());
        out.put("port", endpoint.port());
        out.put("security", endpoint.security().name().toLowerCase(Locale.ROOT));
        return out;
    }

    private static String signIn(Discovery found) {
        if (found.signIn().method() == AuthMethod.OAUTH2) {
            return "OAuth2" + (found.signIn().oauthProvider().isEmpty() ? "" : " (" + found.signIn().oauthProvider() + ")");
        }
        return found.signIn().id();
    }

    private static String where(Discovery found) {
        String origin = Printable.of(found.origin());
        return switch (found.source()) {
            case PRESET -> "Envoi's list of providers (" + origin + ")";
            case AUTOCONFIG -> "your provider's configuration, " + origin;
            case ISPDB -> "Thunderbird's ISPDB, " + origin;
            case MX -> "Thunderbird's ISPDB for the domain that receives your mail, " + origin;
            case SRV -> "your domain's DNS SRV records";
            case PROBE -> "guessed: a server answered at " + origin;
        };
    }
}
