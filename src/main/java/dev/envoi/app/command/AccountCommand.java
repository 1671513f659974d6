package dev.envoi.app.command;

import dev.envoi.account.Account;
import dev.envoi.account.AccountRepository;
import dev.envoi.account.ImapSettings;
import dev.envoi.app.cli.CommonOptions;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Json;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.transport.AccountTester;
import dev.envoi.transport.CertificateFingerprint;
import dev.envoi.transport.ImapTester;
import dev.envoi.transport.ServerTrust;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** `envoi account add | list | remove | test | pin | login`: the sending accounts of a profile. */
public final class AccountCommand {

    private static final Map<String, ParsedArgs.Arity> COMMON = Map.of("profile", ParsedArgs.Arity.VALUE,
            "debug", ParsedArgs.Arity.FLAG);

    private final Terminal terminal;

    public AccountCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(List<String> args) throws Exception {
        // `envoi account --profile DIR add ...` names the profile before the action.
        CommonOptions common = CommonOptions.split(args);
        String action = common.command();
        List<String> rest = common.commandArguments();
        return switch (action) {
            case "add" -> new AccountAddCommand(terminal).run(rest);
            case "list" -> list(rest);
            case "remove" -> remove(rest);
            case "test" -> test(rest);
            case "pin" -> pin(rest);
            case "login" -> new AccountLoginCommand(terminal).run(rest);
            default -> throw new UsageException(action.isEmpty() || action.startsWith("--")
                    ? "account needs add, list, remove, test, pin or login"
                    : "account " + Printable.of(action) + ": unknown (use add, list, remove, test, pin or login)");
        };
    }

    private int list(List<String> args) throws Exception {
        Map<String, ParsedArgs.Arity> options = new LinkedHashMap<>(COMMON);
        options.put("json", ParsedArgs.Arity.FLAG);
        ParsedArgs parsed = parse(args, options, 0, "account list takes no name");
        try (ProfileServices services = ProfileServices.open(terminal.profile(parsed), terminal.env())) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Account account : services.store().accounts().accounts()) {
                Map<String, Object> row = row(account);
                row.put("imap", services.store().imapSettings().forAccount(account.name()).map(ImapOptions::row)
                        .orElse(null));
                rows.add(row);
            }
            if (parsed.has("json")) {
                terminal.out().println(Json.write(rows));
            } else if (rows.isEmpty()) {
                terminal.say("no account: messages go to the pickup folder " + services.pickupFolder());
            } else {
                terminal.out().printf("%-16s  %-30s  %-28s  %-8s  %-8s  %s%n", "NAME", "ADDRESS", "SERVER", "SECURITY",
                        "AUTH", "DEFAULT");
                for (Map<String, Object> row : rows) {
                    terminal.out().printf("%-16s  %-30s  %-28s  %-8s  %-8s  %s%n", row.get("name"),
                            Printable.of(String.valueOf(row.get("address"))), row.get("server"),
                            row.get("security"), row.get("auth"), Boolean.TRUE.equals(row.get("default")) ? "yes" : "");
                }
            }
            return ExitCode.OK;
        }
    }

    private static Map<String, Object> row(Account account) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", account.name());
        row.put("displayName", account.identity().displayName());
        row.put("address", account.identity().address());
        row.put("server", server(account));
        row.put("host", account.usesSendmail() ? null : account.host());
        row.put("port", account.usesSendmail() ? null : account.port());
        row.put("sendmail", account.usesSendmail() ? account.sendmailProgram() : null);
        row.put("security", account.security().name().toLowerCase(Locale.ROOT));
        row.put("user", account.user());
        row.put("auth", account.auth().name().toLowerCase(Locale.ROOT));
        row.put("sizeLimit", account.sizeLimit());
        row.put("keepInSent", account.keepInSent());
        row.put("partialDelivery", account.partialDelivery());
        row.put("pinnedCertificate", account.pinnedCertificate().isEmpty() ? null : account.pinnedCertificate());
        row.put("default", account.isDefault());
        return row;
    }

    private int remove(List<String> args) throws Exception {
        ParsedArgs parsed = parse(args, COMMON, 1, "account remove takes one account name");
        String name = parsed.operands().get(0);
        try (ProfileServices services = ProfileServices.open(terminal.profile(parsed), terminal.env())) {
            Account account = find(services.store().accounts(), name);
            services.store().accounts().remove(account.name());
            services.credentials().forget(account);
            terminal.say("removed account " + account.name() + " and its stored password");
            return ExitCode.OK;
        }
    }

    private int test(List<String> args) throws Exception {
        ParsedArgs parsed = parse(args, COMMON, 1, "account test takes one account name");
        try (ProfileServices services = ProfileServices.open(terminal.profile(parsed), terminal.env())) {
            Account account = find(services.store().accounts(), parsed.operands().get(0));
            SecretPreflight.ensure(account, services.credentials(), terminal);
            AccountTester.Report report = new AccountTester(services.smtpTimeouts(), ServerTrust.system(), services.tokens())
                    .test(account, services.credentials());
            print("", report);
            // The IMAP server of the Sent copies, when the account has one: a broken one loses no mail, but its copies.
            Optional<ImapSettings> imap = services.store().imapSettings().forAccount(account.name());
            AccountTester.Report imapReport = imap.isEmpty() ? null
                    : new ImapTester(services.smtpTimeouts(), ServerTrust.system(), services.tokens())
                            .test(account, imap.get().server(), services.credentials());
            if (imapReport != null) {
                print("imap ", imapReport);
            }
            if (report.ok() && (imapReport == null || imapReport.ok())) {
                terminal.say("account " + account.name() + " works: " + performed(report) + " succeeded"
                        + (imapReport == null ? "" : "; IMAP: " + performed(imapReport) + " succeeded"));
                return ExitCode.OK;
            }
            boolean smtpFailed = !report.ok();
            AccountTester.StepResult failed = (smtpFailed ? report : imapReport).failure().orElseThrow();
            terminal.say("account " + account.name() + " failed at " + (smtpFailed ? "" : "IMAP ")
                    + failed.step().name().toLowerCase(Locale.ROOT) + ": " + failed.detail());
            return ExitCode.FAILURE;
        }
    }

    private void print(String prefix, AccountTester.Report report) {
        for (AccountTester.StepResult step : report.steps()) {
            String outcome = !step.performed() ? "skipped" : step.ok() ? "ok" : "FAILED";
            terminal.out().println(prefix + step.step().name().toLowerCase(Locale.ROOT) + ": " + outcome
                    + " — " + Printable.reason(step.detail()));
        }
    }

    /** "connect and login", "connect, TLS and login": only the steps the test really did. */
    private static String performed(AccountTester.Report report) {
        List<String> names = report.performed().stream()
                .map(step -> step == AccountTester.Step.TLS ? "TLS" : step.name().toLowerCase(Locale.ROOT)).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        String all = names.size() > 2 ? " all" : "";
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1) + all;
    }

    private int pin(List<String> args) throws Exception {
        ParsedArgs parsed = parse(args, COMMON, 2, "account pin takes an account name and a SHA-256 fingerprint");
        String fingerprint = parsed.operands().get(1);
        if (!CertificateFingerprint.isWellFormed(fingerprint)) {
            throw new UsageException("account pin: \"" + Printable.of(fingerprint) + "\" is not a SHA-256 fingerprint "
                    + "(64 hex digits, colons allowed), as Envoi showed when it refused the certificate");
        }
        try (ProfileServices services = ProfileServices.open(terminal.profile(parsed), terminal.env())) {
            AccountRepository accounts = services.store().accounts();
            Account account = find(accounts, parsed.operands().get(0));
            accounts.put(account.withPinnedCertificate(fingerprint.strip().toUpperCase(Locale.ROOT)));
            terminal.say("account " + account.name() + " now trusts the certificate " + fingerprint.strip()
                    + ", exactly that one, as well as those an authority this computer trusts signs for "
                    + account.host());
            return ExitCode.OK;
        }
    }

    private static ParsedArgs parse(List<String> args, Map<String, ParsedArgs.Arity> options, int operands,
                                    String problem) throws UsageException {
        ParsedArgs parsed = ParsedArgs.parse(args, options, Set.of());
        if (parsed.operands().size() != operands) {
            throw new UsageException(problem);
        }
        return parsed;
    }

    /** Where the account's mail goes, as one short text. */
    static String server(Account account) {
        return account.usesSendmail() ? "sendmail " + account.sendmailProgram() : account.host() + ":" + account.port();
    }

    static Account find(AccountRepository accounts, String name) throws UsageException {
        return accounts.find(name).orElseThrow(() -> new UsageException("no account is named \"" + Printable.of(name)
                + "\" (envoi account list)"));
    }
}
