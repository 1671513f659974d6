package dev.envoi.app;

import dev.envoi.app.cli.CommonOptions;
import dev.envoi.app.cli.ExitCode;
import dev.envoi.app.desktop.StartupProbe;
import dev.envoi.files.OwnerOnly;
import dev.envoi.files.UserCacheFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.StringTokenizer;

/**
 * Starts `java -jar envoi.jar` again with a class-data archive (AppCDS), made by Envoi itself.
 * Without one, the JVM reads and verifies some 5,500 classes out of jars at every start: most of
 * what `java -jar` spends beyond an empty JavaFX window (docs/benchmarks.md, benchmark 7). A jar
 * cannot give its JVM an option, and a JDK 17 JVM cannot make an archive by itself
 * (`-XX:+AutoCreateSharedArchive` came in JDK 19), so this first JVM, having loaded next to
 * nothing, starts a second with `-XX:SharedArchiveFile` and waits for it, passing on its exit
 * status. The first window start without an archive runs the second JVM with
 * `-XX:ArchiveClassesAtExit` instead: it writes the archive when it ends, and it is kept only if
 * that JVM's window was whole ({@link StartupProbe#WHOLE_MARK}); a command like `send` never
 * makes one, so it cannot leave an archive without the window's classes.
 *
 * <p>Nothing is relaunched when the JVM was given an archive or class-data options of its own (the
 * packaged launchers), under jpackage's launcher, from class folders (`mvn javafx:run`), where the
 * platform does not tell this process its command line, with {@code -Denvoi.classData=off}, or in
 * the second JVM itself.
 */
final class ClassDataRelaunch {

    static final String SWITCH = "envoi.classData";
    static final String RELAUNCHED = "envoi.relaunched";
    private static final Set<String> OWN_CLASS_DATA = Set.of("-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
            "-XX:SharedClassListFile", "-XX:DumpLoadedClassList", "-XX:+AutoCreateSharedArchive");
    private static final Set<String> TAKES_A_VALUE = Set.of("-cp", "-classpath", "--class-path");
    private static final Set<String> MODULES = Set.of("-p", "--module-path", "-m", "--module", "--upgrade-module-path");

    private ClassDataRelaunch() {
    }

    /** The second JVM's exit status, or empty when this JVM should run Envoi itself. */
    static OptionalInt runIfUseful(String[] args) {
        if (System.getProperty(RELAUNCHED) != null || "off".equals(System.getProperty(SWITCH))
                || System.getProperty("jpackage.app-path") != null) {
            return OptionalInt.empty();
        }
        if (isHelp(commandName(args))) {
            return OptionalInt.empty(); // nothing to gain from an archive: the words are printed before a second JVM would start
        }
        ProcessHandle.Info self = ProcessHandle.current().info();
        String java = self.command().orElse("");
        Optional<String[]> jvmArgs = self.arguments();
        Optional<Path> cache = UserCacheFolder.ofThisUser();
        if (!isJava(java) || jvmArgs.isEmpty() || cache.isEmpty() || !plainClassPath(optionsGiven(jvmArgs.get()))) {
            return OptionalInt.empty();
        }
        Optional<ClassDataArchive> archive = ClassDataArchive.forClassPath(cache.get().resolve("class-data"),
                System.getProperty("java.home"), System.getProperty("java.vm.version"), System.getProperty("java.class.path"));
        if (archive.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> again = new ArrayList<>(List.of(java));
        if (archive.get().exists()) {
            again.addAll(List.of("-XX:SharedArchiveFile=" + archive.get().file(), "-Xshare:auto"));
            return run(again, jvmArgs.get());
        }
        if (!opensAWindow(args)) {
            return OptionalInt.empty();
        }
        long pid = ProcessHandle.current().pid();
        again.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive.get().partFile(pid),
                "-D" + StartupProbe.WHOLE_MARK + "=" + archive.get().wholeMark(pid)));
        try {
            OwnerOnly.createDirectories(archive.get().folder());
        } catch (IOException e) {
            // The archive is only an optimisation: a folder that cannot be written costs speed, never the start.
            return OptionalInt.empty();
        }
        OptionalInt status = run(again, jvmArgs.get());
        try {
            archive.get().install(pid);
        } catch (IOException e) {
            // Envoi has run and ended: a failed move only means the next start makes the archive again.
        }
        return status;
    }

    /** The options the JVM was given: those of the environment's variables, which the JVM reads first, then its command line's. */
    private static List<String> optionsGiven(String[] commandLine) {
        List<String> options = new ArrayList<>();
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            String value = System.getenv(variable);
            if (value != null) {
                // A tokenizer, not split("\\s+"): this runs in a JVM that should load as little as it can.
                StringTokenizer words = new StringTokenizer(value);
                while (words.hasMoreTokens()) {
                    options.add(words.nextToken());
                }
            }
        }
        options.addAll(List.of(commandLine));
        return options;
    }

    private static boolean isJava(String command) {
        if (command.isEmpty()) {
            return false;
        }
        String file = Path.of(command).getFileName().toString();
        return file.equals("java") || file.equals("java.exe");
    }

    private static String commandName(String[] args) {
        return CommonOptions.split(Arrays.asList(args)).command();
    }

    private static boolean givesClassData(String arg) {
        for (String option : OWN_CLASS_DATA) {
            if (arg.startsWith(option)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the JVM's options (up to -jar or the main class) give no class-data option of their own and no
     * module path: an archive cannot be made from modules taken out of folders, and one the user gave is theirs.
     */
    static boolean plainClassPath(List<String> jvmArgs) {
        for (int i = 0; i < jvmArgs.size(); i++) {
            String arg = jvmArgs.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("-jar") || !arg.startsWith("-")) {
                return true;
            }
            if (MODULES.contains(option) || givesClassData(arg)) {
                return false;
            }
            if (TAKES_A_VALUE.contains(arg)) {
                i++;
            }
        }
        return true;
    }

    /** The window's start is what the archive is trained on; a command uses an archive but never makes one. */
    static boolean opensAWindow(String[] args) {
        String command = commandName(args);
        return !CommonOptions.COMMANDS.contains(command) && !isHelp(command);
    }

    private static boolean isHelp(String command) {
        return command.equals("help") || command.equals("--help") || command.equals("-h");
    }

    /**
     * Runs the second JVM on this one's terminal and waits for it. Stopping this JVM stops it too (a
     * desktop's session manager knows only the first); empty when it could not be started at all.
     */
    private static OptionalInt run(List<String> command, String[] jvmArgs) {
        command.addAll(List.of("-Xlog:cds*=off", "-D" + RELAUNCHED + "=true"));
        // Before the user's own options, so that theirs win.
        command.addAll(StartupJit.OPTIONS);
        command.addAll(Arrays.asList(jvmArgs));
        Process second;
        try {
            second = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        Thread stop = new Thread(new Stopper(second), "envoi-stop-relaunched");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int status = second.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // This JVM was stopped and its hook has stopped the second: nothing left to undo.
            }
            return OptionalInt.of(status);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            second.destroy();
            return OptionalInt.of(ExitCode.FAILURE);
        }
    }

    /** A class, not a method reference: a lambda's first link costs this small JVM some 15 ms. */
    private static final class Stopper implements Runnable {
        private final Process process;

        Stopper(Process process) {
            this.process = process;
        }

        @Override
        public void run() {
            process.destroy();
        }
    }
}
