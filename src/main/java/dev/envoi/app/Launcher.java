package dev.envoi.app;

import dev.envoi.account.CredentialException;
import dev.envoi.app.cli.CommonOptions;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.cli.Identities;
import dev.envoi.app.cli.Terminal;
import dev.envoi.app.cli.UsageException;
import dev.envoi.app.command.AccountCommand;
import dev.envoi.app.command.CancelCommand;
import dev.envoi.app.command.DiagnoseCommand;
import dev.envoi.app.command.KeepSentCommand;
import dev.envoi.app.command.OutboxCommand;
import dev.envoi.app.command.SendCommand;
import dev.envoi.app.desktop.GuiLauncher;
import dev.envoi.app.wiring.QuietLibraries;
import dev.envoi.log.LogLevel;
import dev.envoi.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The program's entry point. It is not a JavaFX Application, so that `java -jar envoi.jar` starts
 * from the class path, and so that headless commands never load the toolkit at all.
 */
public final class Launcher {

    private static final String NEW_PROFILE = "--new-profile";

    private final Terminal terminal;

    public Launcher(Terminal terminal) {
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        // First, before anything else loads: `java -jar` may be better run again with a class-data archive.
        OptionalInt relaunched = ClassDataRelaunch.runIfUseful(args);
        if (relaunched.isPresent()) {
            System.exit(relaunched.getAsInt());
        }
        Terminal terminal = Terminal.system();
        boolean debug = Arrays.asList(args).contains("--debug");
        QuietLibraries.unlessDebuggingMeanwhile(debug);
        // A failure on a background thread (store events, the spooler) is one line too, not a trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            terminal.say("unexpected error on " + thread.getName() + ": " + error
                    + (debug ? "" : " (run with --debug for details)"));
            if (debug) {
                error.printStackTrace(terminal.err());
            }
        });
        int code = new Launcher(terminal).run(args);
        if (code != GuiLauncher.STILL_RUNNING) {
            System.exit(code);
        }
    }

    /** Runs one command and returns its exit code (or STILL_RUNNING once the window is open). */
    public int run(String[] argv) {
        List<String> args = Arrays.asList(argv);
        boolean debug = args.contains("--debug");
        LogLevel.verbose(debug);
        if (args.contains(NEW_PROFILE)) {
            // Taken by every command, so it is read here rather than by each command's options.
            return new Launcher(terminal.withNewProfile())
                    .run(args.stream().filter(arg -> !arg.equals(NEW_PROFILE)).toArray(String[]::new));
        }
        try {
            CommonOptions common = CommonOptions.split(args);
            List<String> rest = common.commandArguments();
            if (CommonOptions.COMMANDS.contains(common.command())) {
                QuietLibraries.settled(); // the window's start waits for it only before the toolkit starts
            }
            return switch (common.command()) {
                case "send" -> new SendCommand(terminal).run(rest);
                case "outbox" -> new OutboxCommand(terminal).run(rest);
                case "cancel" -> new CancelCommand(terminal).run(rest);
                case "keep-sent" -> new KeepSentCommand(terminal).run(rest);
                case "account" -> new AccountCommand(terminal).run(rest);
                case "diagnose" -> new DiagnoseCommand(terminal).run(rest);
                case "help", "--help", "-h" -> usage();
                default -> window(args);
            };
        } catch (UsageException e) {
            terminal.say(e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (StoreException e) {
            terminal.say(e.getMessage());
            debugTrace(debug, e);
            return ExitCode.FAILURE;
        } catch (CredentialException e) {
            terminal.say(e.getMessage());
            return ExitCode.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminal.say("interrupted");
            return ExitCode.FAILURE;
        } catch (Exception | OutOfMemoryError | StackOverflowError e) {
            terminal.say("unexpected error: " + e + (debug ? "" : " (run with --debug for details)"));
            debugTrace(debug, e);
            return ExitCode.FAILURE;
        }
    }

    private int window(List<String> args) throws UsageException {
        try {
            return new GuiLauncher(terminal).run(args);
        } catch (UsageException e) {
            throw CommonOptions.explain(args, e);
        }
    }

    private void debugTrace(boolean debug, Throwable e) {
        if (debug) {
            e.printStackTrace(terminal.err());
        }
    }

    private int usage() throws IOException {
        try (InputStream in = Launcher.class.getResourceAsStream("usage.txt")) {
            // The sender a message gets without --from, the same the window shows in From.
            terminal.out().print(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{localUser}", Identities.localUser(terminal).address()));
        }
        return ExitCode.OK;
    }
}
