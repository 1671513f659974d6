package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.account.AuthMethod;
import dev.envoi.account.CredentialChoice;
import dev.envoi.account.CredentialException;
import dev.envoi.account.CredentialStore;
import dev.envoi.account.OAuthSettings;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.BrowserLauncher;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.oauth.AccountSignIn;
import dev.envoi.oauth.AuthorizationCodeFlow;
import dev.envoi.oauth.IssuedTokens;
import dev.envoi.oauth.SignInException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `envoi account login NAME`: signs an OAuth 2.0 account in through the user's browser, keeps the
 * refresh token where the user chose (the keyring by default), and makes the messages that were
 * waiting for this sign-in due at once. Exit 0 once the tokens are stored.
 */
final class AccountLoginCommand {

    private static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("profile", ParsedArgs.Arity.VALUE,
            "debug", ParsedArgs.Arity.FLAG, "password-store", ParsedArgs.Arity.VALUE,
            "timeout", ParsedArgs.Arity.VALUE);

    private final Terminal terminal;

    AccountLoginCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    int run(List<String> args) throws Exception {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, Set.of());
        if (parsed.operands().size() != 1) {
            throw new UsageException("account login takes one account name");
        }
        Duration timeout = timeout(parsed);
        try (ProfileServices services = ProfileServices.open(terminal.profile(parsed), terminal.env())) {
            Account account = AccountCommand.find(services.store().accounts(), parsed.operands().get(0));
            if (account.auth() != AuthMethod.OAUTH2) {
                throw new UsageException("account " + account.name() + " does not sign in with OAuth 2.0 (it was added "
                        + "with --auth " + account.auth().name().toLowerCase(java.util.Locale.ROOT) + ")");
            }
            OAuthSettings settings = services.store().oauthSettings().find(account.name()).orElseThrow(() ->
                    new UsageException("account " + account.name() + " has no sign-in settings: remove it and add it "
                            + "again with --auth oauth2"));
            CredentialStore keepIn = keepIn(services, parsed);
            IssuedTokens issued;
            try {
                issued = new AccountSignIn(terminal.clock(), timeout).signIn(account, settings, keepIn,
                        page -> new BrowserLauncher(terminal).show(page));
            } catch (SignInException e) {
                terminal.say("not signed in: " + e.getMessage());
                return ExitCode.FAILURE;
            }
            services.tokens().remember(account, issued);
            int resumed = services.store().resumeSignInWaits(account.name());
            terminal.say("signed in: account " + account.name() + " keeps its sign-in in " + keepIn.description()
                    + (resumed == 0 ? "" : "; " + resumed + " message(s) waiting for it are due now: the running Envoi "
                    + "sends them, or envoi outbox --flush"));
            return ExitCode.OK;
        }
    }

    private CredentialStore keepIn(ProfileServices services, ParsedArgs parsed) throws UsageException {
        String value = parsed.value("password-store").orElse("");
        try {
            CredentialChoice choice = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "" -> services.credentials().defaultChoice();
                case "keyring" -> CredentialChoice.KEYRING;
                case "file" -> CredentialChoice.FILE;
                case "session" -> CredentialChoice.SESSION;
                default -> throw new UsageException("--password-store: \"" + Printable.of(value)
                        + "\" is not keyring, file or session");
            };
            if (choice == CredentialChoice.SESSION) {
                terminal.say("the sign-in is kept in memory only: it ends with this command (--password-store file "
                        + "keeps it in a file readable by you only)");
            }
            return services.credentials().storeFor(choice);
        } catch (CredentialException e) {
            throw new UsageException("--password-store: " + e.getMessage());
        }
    }

    private static Duration timeout(ParsedArgs parsed) throws UsageException {
        if (parsed.value("timeout").isEmpty()) {
            return AuthorizationCodeFlow.STANDARD_TIMEOUT;
        }
        String text = parsed.value("timeout").get().strip();
        try {
            long seconds = Long.parseLong(text);
            if (seconds < 1 || seconds > 3600) {
                throw new UsageException("--timeout: " + seconds + " is out of range (1 to 3600 seconds)");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException("--timeout: \"" + Printable.of(text) + "\" is not a number of seconds");
        }
    }
}
