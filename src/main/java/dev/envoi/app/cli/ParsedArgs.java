package dev.envoi.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command line split into options and operands. Options take {@code --name value} or
 * {@code --name=value}; flags take no value; {@code --wait} may take one only with '='; a
 * {@code VALUES} option ({@code --attach}) takes every argument up to the next option, so a file
 * manager's "send to" can pass several files after one {@code --attach}.
 */
public final class ParsedArgs {

    /** How an option takes its value. */
    public enum Arity { FLAG, VALUE, OPTIONAL_VALUE, VALUES }

    private final Map<String, List<String>> options = new LinkedHashMap<>();
    private final List<String> operands = new ArrayList<>();

    private ParsedArgs() {
    }

    public static ParsedArgs parse(List<String> args, Map<String, Arity> known, Set<String> repeatable) throws UsageException {
        ParsedArgs parsed = new ParsedArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                parsed.operands.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            Arity arity = known.get(name);
            if (arity == null) {
                throw new UsageException("unknown option --" + name + " (see envoi --help)");
            }
            String value;
            if (equals >= 0) {
                if (arity == Arity.FLAG) {
                    throw new UsageException("--" + name + " takes no value");
                }
                value = arg.substring(equals + 1);
            } else if (arity == Arity.VALUE || arity == Arity.VALUES) {
                // A value that looks like the next option is a forgotten value (use --name=--text).
                if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    throw new UsageException("--" + name + " needs a value");
                }
                value = args.get(++i);
            } else {
                if (arity == Arity.OPTIONAL_VALUE && i + 1 < args.size() && args.get(i + 1).matches("\\d+")) {
                    // "--wait 30" would leave 30 as a stray argument; say how it is written instead.
                    throw new UsageException("--" + name + " takes its value after '=': --" + name + "=" + args.get(i + 1));
                }
                value = "";
            }
            List<String> values = parsed.options.computeIfAbsent(name, k -> new ArrayList<>());
            if (!values.isEmpty() && !repeatable.contains(name)) {
                throw new UsageException("--" + name + " is given twice");
            }
            values.add(value);
            if (arity == Arity.VALUES && equals < 0) {
                while (i + 1 < args.size() && isMoreValues(args.get(i + 1))) {
                    values.add(args.get(++i));
                }
            }
        }
        return parsed;
    }

    /** Not the next option, and not a mailto: link (the link of `envoi --attach a.pdf mailto:...`). */
    private static boolean isMoreValues(String arg) {
        return !arg.startsWith("--") && !MailtoUri.looksLikeMailto(arg);
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    public Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> values(String name) {
        return options.getOrDefault(name, List.of());
    }

    public List<String> operands() {
        return operands;
    }
}
