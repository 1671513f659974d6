package dev.envoi.app;

import java.io.Console;
import java.io.PrintStream;
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

    /** One line on stderr, prefixed so it is clear which program said it. */
    void say(String line) {
        err.println("envoi: " + line);
    }
}
