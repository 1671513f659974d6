package dev.envoi.app.command;

import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.ParsedArgs;
import dev.envoi.app.cli.Printable;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.wiring.ProfileServices;
import dev.envoi.store.SentRetention;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * `envoi keep-sent [all | N days | N messages]`: how much of Sent the profile keeps (issue 21).
 * Without a choice it says the current one; with one it saves it and applies it at once, deleting
 * older Sent messages and the attachment files only they used. The spooler applies it as it files.
 */
public final class KeepSentCommand {

    private static final Map<String, ParsedArgs.Arity> OPTIONS = Map.of("profile", ParsedArgs.Arity.VALUE,
            "debug", ParsedArgs.Arity.FLAG);
    private static final String USAGE = "keep-sent takes nothing, \"all\", \"N days\" or \"N messages\"";

    private final Terminal terminal;

    public KeepSentCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(List<String> args) throws Exception {
        ParsedArgs parsed = ParsedArgs.parse(args, OPTIONS, Set.of());
        SentRetention chosen = parsed.operands().isEmpty() ? null : choice(parsed.operands());
        try (ProfileServices services = ProfileServices.open(terminal.checkedProfile(parsed), terminal.env())) {
            if (chosen == null) {
                terminal.out().println(describe(services.store().settings().sentRetention()));
                return ExitCode.OK;
            }
            services.store().settings().setSentRetention(chosen);
            int removed = services.store().applySentRetention();
            terminal.out().println(describe(chosen));
            terminal.say(removed == 0 ? "no sent message to delete" : "deleted " + removed
                    + (removed == 1 ? " sent message" : " sent messages") + " and the attachments only they used");
            return ExitCode.OK;
        }
    }

    private static SentRetention choice(List<String> words) throws UsageException {
        if (words.size() == 1 && words.get(0).equals("all")) {
            return SentRetention.KEEP_ALL;
        }
        if (words.size() != 2) {
            throw new UsageException(USAGE);
        }
        int amount;
        try {
            amount = Integer.parseInt(words.get(0));
        } catch (NumberFormatException e) {
            throw new UsageException(USAGE + ", not \"" + Printable.of(words.get(0)) + "\"");
        }
        if (amount <= 0) {
            throw new UsageException("keep-sent keeps at least 1 day or 1 message (or \"all\")");
        }
        return switch (words.get(1)) {
            case "day", "days" -> SentRetention.days(amount);
            case "message", "messages" -> SentRetention.messages(amount);
            default -> throw new UsageException(USAGE + ", not \"" + Printable.of(words.get(1)) + "\"");
        };
    }

    private static String describe(SentRetention retention) {
        return switch (retention.keep()) {
            case ALL -> "all";
            case DAYS -> retention.amount() + " days";
            case MESSAGES -> retention.amount() + " messages";
        };
    }
}
