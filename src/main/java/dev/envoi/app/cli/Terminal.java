package dev.envoi.app.cli;

import dev.envoi.store.SqliteMessageStore;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command talks to: its output streams, environment and clock (tests pass their own), and
 * whether the user asked for a fresh profile (--new-profile).
 */
public record Terminal(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Path home, String osName,
                boolean newProfile) {

    public Terminal(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Path home, String osName) {
        this(out, err, env, clock, home, osName, false);
    }

    public Terminal withNewProfile() {
        return new Terminal(out, err, env, clock, home, osName, true);
    }

    public static Terminal system() {
        return new Terminal(System.out, System.err, System.getenv(), new UserZoneClock(),
                Path.of(System.getProperty("user.home")), System.getProperty("os.name", ""));
    }

    /** The profile folder, refusing a --profile that is empty or names a file (bad input, exit 2). */
    public Path checkedProfile(ParsedArgs args) throws UsageException {
        Optional<String> given = args.value("profile");
        if (given.isPresent() && given.get().isBlank()) {
            throw new UsageException("--profile needs a folder");
        }
        Path profile = profile(args);
        if (Files.exists(profile) && !Files.isDirectory(profile)) {
            throw new UsageException("--profile: " + profile + " is a file, not a folder");
        }
        if (newProfile) {
            startFresh(profile);
        }
        return profile;
    }

    /**
     * An empty database beside a vault that holds files is refused (the profile's messages were
     * in it); asked for with --new-profile, it becomes a new profile here, the vault left as it is.
     */
    private void startFresh(Path profile) {
        Path database = profile.resolve(SqliteMessageStore.DATABASE_FILE);
        try {
            if (!Files.isRegularFile(database) || Files.size(database) != 0) {
                return;
            }
        } catch (IOException e) {
            return; // Opening the profile says what is wrong with the file.
        }
        SqliteMessageStore.openFresh(profile).close();
        say(database + " was empty: a fresh profile starts here (the vault's files are kept)");
    }

    public Path profile(ParsedArgs args) {
        return args.value("profile").map(Path::of)
                .orElseGet(() -> ProfileLocation.defaultFor(osName, env, home)).toAbsolutePath();
    }

    /**
     * Asks for a password on the controlling terminal, without echo; empty when there is no
     * terminal to ask on (a script, a test, a pipe).
     */
    public Optional<char[]> askSecret(String prompt) {
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
    public void say(String line) {
        err.println("envoi: " + Printable.reason(line));
    }
}
