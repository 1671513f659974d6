package dev.envoi.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options every command takes (--profile DIR, --debug), which a user may put before the
 * command as well as after it: `envoi --profile DIR outbox`. They are lifted off the front of the
 * command line and handed to the command after its own arguments, where every parser accepts them.
 */
public record CommonOptions(List<String> leading, List<String> rest) {

    /** The commands a bare `envoi` could be mistaken for a window option of. */
    public static final Set<String> COMMANDS = Set.of("send", "outbox", "cancel", "keep-sent", "account", "diagnose", "help");
    private static final String IS_A_COMMAND = " is a command";

    public static CommonOptions split(List<String> args) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--debug") || arg.startsWith("--profile=")) {
                leading.add(arg);
                i++;
            } else if (arg.equals("--profile") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                leading.add(arg);
                leading.add(args.get(i + 1));
                i += 2;
            } else {
                break;
            }
        }
        return new CommonOptions(List.copyOf(leading), List.copyOf(args.subList(i, args.size())));
    }

    /** The command named first after the leading options, or "" when there is none. */
    public String command() {
        return rest.isEmpty() ? "" : rest.get(0);
    }

    /** The command's own arguments followed by the leading options. */
    public List<String> commandArguments() {
        List<String> args = new ArrayList<>(rest.subList(Math.min(1, rest.size()), rest.size()));
        args.addAll(leading);
        return args;
    }

    /**
     * A bare `envoi` refused its arguments; if a command's name stands among them, the real
     * problem is that an option other than --profile or --debug came before it.
     */
    public static UsageException explain(List<String> args, UsageException refused) {
        if (refused.getMessage().contains(IS_A_COMMAND)) {
            return refused;
        }
        for (String arg : args) {
            if (COMMANDS.contains(arg)) {
                return new UsageException(refused.getMessage() + "; " + misplaced(arg).getMessage());
            }
        }
        return refused;
    }

    /** A command's name found after options that are not common to every command. */
    public static UsageException misplaced(String command) {
        return new UsageException("\"" + command + "\"" + IS_A_COMMAND + ": only --profile and --debug may come "
                + "before it (envoi [--profile DIR] " + command + " ...)");
    }

}
