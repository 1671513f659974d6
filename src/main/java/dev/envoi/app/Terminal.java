package dev.envoi.app;

import java.io.Console;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What a command talks to: its output streams, environment and clock (tests pass their own). */
record Terminal(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Path home, String osName) {

    static Terminal system() {
        return new Terminal(System.out, System.err, System.getenv(), Clock.systemDefaultZone(),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    }

    /** The profile folder, refusing a --profile that is empty or names a file (bad input, exit 2). */
    Path checkedProfile(ParsedArgs args) throws UsageException {
        Optional<String> given = args.value("profile");
        if (given.isPresent() && given.get().isBlank()) {
            throw new UsageException("--profile needs a folder");
        }
        Path profile = profile(args);
        if (Files.exists(profile) && !Files.isDirectory(profile)) {
            throw new UsageException("--profile: " + profile + " is a file, not a folder");
        }
        return profile;
    }

    Path profile(ParsedArgs args) {
        return args.value("profile").map(Path::of)
                .orElseGet(() -> ProfileLocation.defaultFor(osName, env, home)).toAbsolutePath();
    }

    /**
     * Asks for a password on the controlling terminal, without echo; empty when there is no
     * terminal to ask on (a script, a test, a pipe).
     */
    Optional<char[]> askSecret(String prompt) {
        Console console = System.console();
        if (console == null || out != System.out) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    }

    /**
     * One line on stderr, prefixed so it is clear which program said it. Its controls are made
     * visible here, once for every command: a line often carries text from outside (a server's
     * reply, a certificate's subject), and an escape sequence in it could retitle the terminal or
     * redraw the fingerprint line the user compares before {@code account pin}.
     */
    void say(String line) {
        err.println("envoi: " + Printable.reason(line));
    }
}
