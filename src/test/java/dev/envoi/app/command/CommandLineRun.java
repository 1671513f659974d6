package dev.envoi.app.command;

import dev.envoi.app.Launcher;
import dev.envoi.app.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Runs the launcher in this JVM, as a terminal would, and keeps what it printed. */
public final class CommandLineRun {

    public final int exitCode;
    final String out;
    public final String err;

    private CommandLineRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    public static CommandLineRun of(Path home, String... args) {
        return of(home, Clock.systemDefaultZone(), args);
    }

    public static CommandLineRun of(Path home, Clock clock, String... args) {
        return withEnvironment(home, clock, Map.of("USER", "tester"), args);
    }

    public static CommandLineRun withEnvironment(Path home, Clock clock, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, clock, home, "Linux");
        int code = new Launcher(terminal).run(args);
        return new CommandLineRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
    }
}
