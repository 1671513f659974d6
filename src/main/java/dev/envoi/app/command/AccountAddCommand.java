package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.SharedAddresses;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.CredentialException;
import dev.envoi.account.CredentialStore;
import dev.envoi.account.InvalidAccountException;
import dev.envoi.account.SmtpSecurity;
import dev.envoi.app.cli.ComposeOptions;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.message.AddressParser;
import dev.envoi.message.MailAddress;
import dev.envoi.message.ParsedAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * `envoi account add NAME ...`: checks every setting, saves the account, and keeps its password
 * where the user chose (the keyring by default). The password never comes from the command line:
 * from ENVOI_SMTP_PASSWORD, or typed on the terminal.
 */
final class AccountAddCommand {

    private static final Map<String, ParsedArgs.Arity> OPTIONS = withImap(Map.ofEntries(
            Map.entry("profile", ParsedArgs.Arity.VALUE), Map.entry("debug", ParsedArgs.Arity.FLAG),
            Map.entry("address", ParsedArgs.Arity.VALUE), Map.entry("display-name", ParsedArgs.Arity.VALUE),
            Map.entry("host", ParsedArgs.Arity.VALUE), Map.entry("port", ParsedArgs.Arity.VALUE),
            Map.entry("security", ParsedArgs.Arity.VALUE), Map.entry("user", ParsedArgs.Arity.VALUE),
            Map.entry("auth", ParsedArgs.Arity.VALUE), Map.entry("size-limit", ParsedArgs.Arity.VALUE),
            Map.entry("default", ParsedArgs.Arity.FLAG), Map.entry("partial-delivery", ParsedArgs.Arity.FLAG),
            Map.entry("delete-after-sending", ParsedArgs.Arity.FLAG), Map.entry("insecure", ParsedArgs.Arity.FLAG),
            Map.entry("password-store", ParsedArgs.Arity.VALUE), Map.entry("password", ParsedArgs.Arity.VALUE),
            Map.entry("sendmail", ParsedArgs.Arity.OPTIONAL_VALUE),
            // --auto finds the servers from the address (AutoSetup, docs/accounts.md).
            Map.entry("auto", ParsedArgs.Arity.FLAG), Map.entry("dry-run", ParsedArgs.Arity.FLAG),
            Map.entry("json", ParsedArgs.Arity.FLAG),
            Map.entry("oauth-provider", ParsedArgs.Arity.VALUE), Map.entry("oauth-issuer", ParsedArgs.Arity.VALUE),
            Map.entry("oauth-client-id", ParsedArgs.Arity.VALUE), Map.entry("oauth-scope", ParsedArgs.Arity.VALUE),
            Map.entry("oauth-client-secret", ParsedArgs.Arity.VALUE)));
    private static final List<String> NOT_WITH_AUTO = List.of("host", "port", "security", "user", "auth", "sendmail",
            "size-limit", "insecure", "imap-host", "imap-port", "imap-security", "imap-user", "sent-folder",
            "sent-copy", "no-sent-copy", "oauth-provider", "oauth-issuer", "oauth-scope");
    private static final String STANDARD_SENDMAIL = "/usr/sbin/sendmail";

    private final Terminal terminal;

    AccountAddCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    private static Map<String, ParsedArgs.Arity> withImap(Map<String, ParsedArgs.Arity> smtp) {
        Map<String, ParsedArgs.Arity> all = new java.util.HashMap<>(smtp);
        all.putAll(ImapOptions.OPTIONS);
        all.putAll(SignatureOptions.OPTIONS);
        return Map.copyOf(all);
    }

    int run(List<String> args) throws Exception {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, Set.of());
        if (parsed.has("password")) {
            throw new UsageException("--password: a password is never given on the command line (other users can "
                    + "see it); set " + dev.envoi.account.CredentialChain.PASSWORD_VARIABLE + " or type it when asked");
        }
        if (parsed.operands().size() != 1) {
            throw new UsageException("account add takes one account name, then its options");
        }
        boolean auto = parsed.has("auto");
        Account account;
        Optional<dev.envoi.account.ImapSettings> imap;
        Optional<OAuthAccountOptions> oauth;
        if (auto || parsed.has("dry-run") || parsed.has("json")) {
            Optional<dev.envoi.setup.Discovery> found = discover(parsed);
            if (found.isEmpty() || parsed.has("dry-run")) {
                return found.isEmpty() ? ExitCode.FAILURE : ExitCode.OK;
            }
            // A provider that signs in with OAuth 2.0 takes the client id as --auth oauth2 does.
            oauth = AutoSetup.oauth(found.get(), parsed);
            account = AutoSetup.account(parsed.operands().get(0), address(parsed), found.get(), parsed.has("default"));
            imap = AutoSetup.imap(account, found.get());
        } else {
            boolean signsIn = parsed.value("auth").map(a -> a.strip().equalsIgnoreCase("oauth2")).orElse(false);
            oauth = OAuthAccountOptions.read(parsed, signsIn);
            account = account(parsed.operands().get(0), parsed, oauth);
            imap = ImapOptions.read(parsed, account);
        }
        Optional<CredentialChoice> choice = choice(parsed);
        Optional<dev.envoi.account.WritingSettings> writing = SignatureOptions.read(parsed);
        try (ProfileServices services = ProfileServices.open(terminal.profile(parsed), terminal.env())) {
            if (services.store().accounts().find(account.name()).isPresent()) {
                throw new UsageException("an account named " + account.name() + " exists already (envoi account "
                        + "remove " + account.name() + " first)");
            }
            List<String> sharing = SharedAddresses.othersWith(services.store().accounts().accounts(), account.name(),
                    account.identity().address());
            if (!sharing.isEmpty()) {
                // Allowed (one address through two servers is common), but said: the choice matters.
                terminal.say("note: " + account.identity().address() + " is already the address of account "
                        + String.join(", ", sharing) + "; choose which one sends with --account, or in From, "
                        + "where both show their names");
            }
            String imapNote = imap.map(settings -> ImapOptions.describe(account, settings)).orElse("");
            if (oauth.isPresent()) {
                // No secret yet: the sign-in (envoi account login) brings the refresh token.
                services.store().accounts().put(account);
                services.store().oauthSettings().put(oauth.get().settingsFor(account.name()));
                imap.ifPresent(settings -> services.store().imapSettings().put(account.name(), settings));
                writing.ifPresent(settings -> services.store().writingSettings().put(account.name(), settings));
                terminal.say("added account " + account.name() + " (" + account.identity().address() + " via "
                        + AccountCommand.server(account) + ")" + imapNote + "; now sign in: envoi account login "
                        + account.name());
                return ExitCode.OK;
            }
            String where = account.auth() == AuthMethod.NONE ? "" : keepSecret(services, account, choice);
            services.store().accounts().put(account);
            imap.ifPresent(settings -> services.store().imapSettings().put(account.name(), settings));
            writing.ifPresent(settings -> services.store().writingSettings().put(account.name(), settings));
            terminal.say("added account " + account.name() + " (" + account.identity().address() + " via "
                    + AccountCommand.server(account) + ")" + where + imapNote
                    + "; check it with envoi account test " + account.name());
            return ExitCode.OK;
        }
    }

    /** --auto [--dry-run] [--json]: the settings found for --address, printed. */
    private Optional<dev.envoi.setup.Discovery> discover(ParsedArgs parsed) throws UsageException {
        if (!parsed.has("auto")) {
            throw new UsageException("--dry-run and --json go with --auto");
        }
        for (String option : NOT_WITH_AUTO) {
            if (parsed.has(option)) {
                throw new UsageException("--" + option + " does not go with --auto, which finds the server; "
                        + "use --auto --dry-run to see what it finds, then give every setting yourself");
            }
        }
        return new AutoSetup(terminal).discover(address(parsed).address(), parsed.has("json"));
    }

    private String keepSecret(ProfileServices services, Account account, Optional<CredentialChoice> chosen)
            throws UsageException {
        String what = account.auth() == AuthMethod.XOAUTH2 ? "OAuth2 token" : "password";
        char[] secret = services.credentials().fromEnvironment()
                .or(() -> terminal.askSecret(what + " of " + account.user() + " at " + account.host() + ": "))
                .orElseThrow(() -> new UsageException("--auth " + account.auth().name().toLowerCase(Locale.ROOT)
                        + " needs the " + what + ": set " + dev.envoi.account.CredentialChain.PASSWORD_VARIABLE
                        + " or run this in a terminal to type it"));
        try {
            CredentialChoice choice = chosen.orElseGet(() -> services.credentials().defaultChoice());
            if (choice == CredentialChoice.SESSION) {
                return "; the " + what + " is not stored" + (chosen.isEmpty() ? " (this system has no keyring)" : "")
                        + ": Envoi asks for it in each session, or reads "
                        + dev.envoi.account.CredentialChain.PASSWORD_VARIABLE
                        + " (--password-store file keeps it in a file readable by you only)";
            }
            CredentialStore store = services.credentials().storeFor(choice);
            store.store(account, secret);
            return "; its " + what + " is kept in " + store.description();
        } catch (CredentialException e) {
            throw new UsageException("--password-store: " + e.getMessage());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private static Optional<CredentialChoice> choice(ParsedArgs parsed) throws UsageException {
        Optional<String> value = parsed.value("password-store");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (value.get().toLowerCase(Locale.ROOT)) {
            case "keyring" -> CredentialChoice.KEYRING;
            case "file" -> CredentialChoice.FILE;
            case "session", "ask" -> CredentialChoice.SESSION;
            default -> throw new UsageException("--password-store: \"" + Printable.of(value.get())
                    + "\" is not keyring, file or session");
        });
    }

    private static Account account(String name, ParsedArgs parsed, Optional<OAuthAccountOptions> oauth)
            throws UsageException {
        MailAddress address = address(parsed);
        if (parsed.has("sendmail")) {
            for (String smtpOnly : List.of("host", "port", "security", "user", "auth", "size-limit", "partial-delivery",
                    "insecure")) {
                if (parsed.has(smtpOnly)) {
                    throw new UsageException("--" + smtpOnly + " is an SMTP setting; it does not go with --sendmail");
                }
            }
            String program = parsed.value("sendmail").filter(p -> !p.isBlank()).orElse(STANDARD_SENDMAIL);
            try {
                return Account.sendmail(name, address, program, !parsed.has("delete-after-sending"),
                        parsed.has("default"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("account add: " + e.getMessage());
            }
        }
        // A provider preset knows its server: --host, --security and --port may then be left out.
        Optional<String> presetHost = oauth.flatMap(OAuthAccountOptions::host);
        String host = (parsed.value("host").isPresent() || presetHost.isEmpty() ? required(parsed, "host")
                : presetHost.get()).strip();
        boolean presetServer = presetHost.isPresent() && parsed.value("host").isEmpty();
        SmtpSecurity security = parsed.value("security").isEmpty() && presetServer
                ? oauth.get().security().orElseThrow() : security(required(parsed, "security"));
        int port = parsed.value("port").isPresent() ? number(parsed, "port", 1, 65535)
                : presetServer ? oauth.get().port().orElse(security.defaultPort()) : security.defaultPort();
        String user = parsed.value("user").orElse(oauth.isPresent() ? address.address() : "");
        AuthMethod auth = auth(parsed.value("auth").orElse(user.isEmpty() ? "none" : "password"));
        long sizeLimit = parsed.value("size-limit").isPresent() ? number(parsed, "size-limit", 0, Long.MAX_VALUE) : 0;
        try {
            return new Account(name, address, host, port, security, user, auth, sizeLimit,
                    !parsed.has("delete-after-sending"), parsed.has("partial-delivery"), parsed.has("insecure"), "",
                    parsed.has("default"));
        } catch (IllegalArgumentException e) {
            boolean consentLiftsIt = e instanceof InvalidAccountException invalid && invalid.needsInsecureConsent();
            String hint = consentLiftsIt ? " (--insecure)" : "";
            throw new UsageException("account add: " + e.getMessage() + hint);
        }
    }

    private static MailAddress address(ParsedArgs parsed) throws UsageException {
        List<ParsedAddress> parsedAddress = AddressParser.parseList(required(parsed, "address"));
        if (parsedAddress.size() != 1) {
            throw new UsageException("--address: give exactly one address");
        }
        MailAddress address = ComposeOptions.valid("--address", parsedAddress.get(0));
        String displayName = parsed.value("display-name").orElse(address.displayName());
        try {
            return MailAddress.entered(displayName, address.address());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--display-name: " + e.getMessage());
        }
    }

    private static String required(ParsedArgs parsed, String option) throws UsageException {
        return parsed.value(option).filter(v -> !v.isBlank())
                .orElseThrow(() -> new UsageException("account add needs --" + option));
    }

    private static long number(ParsedArgs parsed, String option, long min, long max) throws UsageException {
        String text = parsed.value(option).orElseThrow().strip();
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw new UsageException("--" + option + ": " + value + " is out of range (" + min + " to " + max + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + option + ": \"" + Printable.of(text) + "\" is not a whole number");
        }
    }

    private static int number(ParsedArgs parsed, String option, int min, int max) throws UsageException {
        return (int) number(parsed, option, (long) min, (long) max);
    }

    private static SmtpSecurity security(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "tls", "ssl" -> SmtpSecurity.TLS;
            case "starttls" -> SmtpSecurity.STARTTLS;
            case "none" -> SmtpSecurity.NONE;
            default -> throw new UsageException("--security: \"" + Printable.of(text) + "\" is not tls, starttls or none");
        };
    }

    private static AuthMethod auth(String text) throws UsageException {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "none" -> AuthMethod.NONE;
            case "password" -> AuthMethod.PASSWORD;
            case "xoauth2" -> AuthMethod.XOAUTH2;
            case "oauth2" -> AuthMethod.OAUTH2;
            default -> throw new UsageException("--auth: \"" + Printable.of(text)
                    + "\" is not none, password, oauth2 or xoauth2");
        };
    }
}
