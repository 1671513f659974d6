import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds Envoi's app image and installers for the OS it runs on, with the JDK's own jlink and
 * jpackage and the argument files in packaging/. `mvn -Ppackage package` runs it, from the
 * project folder, once target/envoi.jar and target/lib/ exist:
 *
 *     java packaging/Packager.java VERSION [--installers=false]
 *
 * It is a source-file program rather than part of src/ so that it never ships inside Envoi, and
 * Java rather than a shell script so that the same file builds the .deb, the .dmg and the .msi.
 */
public final class Packager {

    private static final Path PACKAGING = Path.of("packaging");
    private static final Path TARGET = Path.of("target");
    private static final Path OUT = TARGET.resolve("jpackage");
    private static final String ARCHIVE = "envoi.jsa";
    private static final String CLASS_LIST = "envoi.classlist";

    private final Platform platform;
    private final String version;
    private final boolean installers;

    private Packager(Platform platform, String version, boolean installers) {
        this.platform = platform;
        this.version = version;
        this.installers = installers;
    }

    public static void main(String[] args) {
        try {
            if (args.length < 1 || args.length > 2) {
                throw new PackagingException("usage: java packaging/Packager.java VERSION [--installers=false]");
            }
            boolean installers = args.length < 2 || !args[1].equals("--installers=false");
            new Packager(Platform.current(), AppVersion.of(args[0]), installers).run();
        } catch (PackagingException e) {
            System.err.println("packaging: " + e.getMessage());
            System.exit(1);
        }
    }

    private void run() {
        requireBuiltJar();
        Tools.deleteTree(OUT);
        new ModuleCheck(PACKAGING.resolve("jlink.args")).requireCovers(TARGET.resolve("envoi.jar"), TARGET.resolve("lib"));
        Path input = stageInput();
        Path runtime = linkRuntime();
        Path image = buildAppImage(input, runtime);
        AppImage app = new AppImage(image, platform);
        new CdsArchive(app, OUT.resolve("cds-training")).makeAndEnable();
        report("runtime (jlink)", runtime);
        report("app image", image);
        report("AppCDS archive", app.appDir().resolve(ARCHIVE));
        if (installers) {
            buildInstallers(app);
        }
    }

    private static void requireBuiltJar() {
        if (!Files.isRegularFile(TARGET.resolve("envoi.jar")) || !Files.isDirectory(TARGET.resolve("lib"))) {
            throw new PackagingException("target/envoi.jar or target/lib/ is missing: run `mvn package` first");
        }
    }

    /** The jars jpackage copies into the image: envoi.jar and lib/, as its manifest's Class-Path expects. */
    private static Path stageInput() {
        Path input = OUT.resolve("input");
        Tools.copyFile(TARGET.resolve("envoi.jar"), input.resolve("envoi.jar"));
        for (Path jar : Tools.list(TARGET.resolve("lib"))) {
            Tools.copyFile(jar, input.resolve("lib").resolve(jar.getFileName()));
        }
        return input;
    }

    private Path linkRuntime() {
        Path runtime = OUT.resolve("runtime");
        Tools.run(List.of(Tools.jdk("jlink"), "@" + PACKAGING.resolve("jlink.args"), "--output", runtime.toString()), Map.of());
        // The archive for heaps over 32 GB (no compressed pointers): 11 MB that a mail composer's
        // heap never needs. Without it such a JVM simply starts without CDS.
        Tools.delete(runtime.resolve(platform.runtimeLibDir).resolve("server").resolve("classes_nocoops.jsa"));
        return runtime;
    }

    private Path buildAppImage(Path input, Path runtime) {
        Path dest = OUT.resolve("image");
        List<String> command = new ArrayList<>(List.of(Tools.jdk("jpackage"), "--type", "app-image",
                "@" + PACKAGING.resolve("common.args"),
                "@" + PACKAGING.resolve("app-image.args"),
                "@" + PACKAGING.resolve(platform.folder).resolve("app-image.args"),
                "--app-version", version,
                "--input", input.toString(),
                "--runtime-image", runtime.toString(),
                "--dest", dest.toString()));
        Tools.run(command, Map.of());
        return dest.resolve(platform.imageName);
    }

    /**
     * Each installer this machine can build, from the finished app image, without envoi.jsa: the
     * archive only maps where it was made, so the .deb makes its own in postinst and the others
     * start with the JDK's archive (docs/packaging.md).
     */
    private void buildInstallers(AppImage app) {
        Path archive = app.appDir().resolve(ARCHIVE);
        Path aside = OUT.resolve(ARCHIVE);
        Tools.move(archive, aside);
        try {
            for (Installer installer : platform.installers) {
                String missing = installer.missingTool();
                if (missing != null) {
                    System.out.println("packaging: skipped ." + installer.type + ": " + missing);
                    continue;
                }
                Path dest = OUT.resolve("installers");
                Tools.run(List.of(Tools.jdk("jpackage"), "--type", installer.type,
                        "@" + PACKAGING.resolve("common.args"),
                        "@" + PACKAGING.resolve(platform.folder).resolve("installer.args"),
                        "--app-version", version,
                        "--app-image", app.root().toString(),
                        "--dest", dest.toString()), Map.of());
                for (Path built : Tools.list(dest)) {
                    if (built.getFileName().toString().endsWith("." + installer.type)) {
                        report("." + installer.type, built);
                    }
                }
            }
        } finally {
            Tools.move(aside, archive);
        }
    }

    private static void report(String what, Path path) {
        System.out.printf(Locale.ROOT, "packaging: %-16s %6.1f MB  %s%n", what, Tools.size(path) / 1e6, path);
    }

    /** The OS being packaged for: where jpackage puts things in its image, and which installers it makes. */
    enum Platform {
        LINUX("linux", "Envoi", "bin/Envoi", "lib/app", "lib",
                List.of(new Installer("deb", "dpkg-deb", "fakeroot"), new Installer("rpm", "rpmbuild"))),
        MAC("mac", "Envoi.app", "Contents/MacOS/Envoi", "Contents/app", "lib",
                List.of(new Installer("dmg", "hdiutil"))),
        // envoi-cli.exe is the console launcher, so the training run's output reaches the build log.
        WINDOWS("windows", "Envoi", "envoi-cli.exe", "app", "bin",
                List.of(new Installer("msi", "candle.exe", "light.exe")));

        final String folder;
        final String imageName;
        final String launcher;
        final String appDir;
        /** Where a runtime keeps libjvm and the JDK's CDS archive: lib/server, or bin\server on Windows. */
        final String runtimeLibDir;
        final List<Installer> installers;

        Platform(String folder, String imageName, String launcher, String appDir, String runtimeLibDir,
                 List<Installer> installers) {
            this.folder = folder;
            this.imageName = imageName;
            this.launcher = launcher;
            this.appDir = appDir;
            this.runtimeLibDir = runtimeLibDir;
            this.installers = installers;
        }

        static Platform current() {
            String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            if (os.contains("win")) {
                return WINDOWS;
            }
            return os.contains("mac") ? MAC : LINUX;
        }
    }

    /** One installer type and the tools jpackage needs on the PATH to make it. */
    record Installer(String type, String... tools) {
        String missingTool() {
            for (String tool : tools) {
                if (!Tools.onPath(tool)) {
                    return tool + " is not on the PATH (" + hint() + ")";
                }
            }
            return null;
        }

        private String hint() {
            return switch (type) {
                case "deb" -> "Debian: apt-get install fakeroot binutils";
                case "rpm" -> "Debian: apt-get install rpm; Fedora: dnf install rpm-build";
                case "msi" -> "install the WiX Toolset 3.x and put its bin folder on the PATH";
                default -> "part of the OS";
            };
        }
    }

    /** Paths inside a finished app image. */
    record AppImage(Path root, Platform platform) {
        Path launcher() {
            return root.resolve(platform.launcher);
        }

        Path appDir() {
            return root.resolve(platform.appDir);
        }

        /** The launcher settings jpackage wrote, one per launcher: Envoi.cfg (and envoi-cli.cfg). */
        List<Path> launcherConfigs() {
            return Tools.list(appDir()).stream().filter(p -> p.toString().endsWith(".cfg")).collect(Collectors.toList());
        }
    }

    /**
     * Envoi's AppCDS archive: the classes that two real starts load, stored ready to map, so that
     * the next start skips loading and verifying them. Two training runs each list the classes
     * they load: `envoi send --wait` to a pickup folder in a throw-away profile (which also proves
     * the image works: no .eml, no image), and the compose window, opened on a virtual display
     * and closed as soon as it takes typing ({@code -Denvoi.exitWhenReady}). A JDK 17 archive made
     * at a program's exit can hold one run only, so the two lists are merged and the archive is
     * dumped from the merged list (a static archive: the JDK's classes Envoi uses are in it too).
     * The list stays in the image as envoi.classlist: the .deb's postinst dumps the same archive
     * from it where Envoi is installed, with no training run and no display.
     */
    record CdsArchive(AppImage app, Path workDir) {
        void makeAndEnable() {
            Path archive = app.appDir().resolve(ARCHIVE).toAbsolutePath();
            Path profile = workDir.resolve("profile").toAbsolutePath();
            Path sendList = workDir.resolve("send.classlist").toAbsolutePath();
            Tools.createDirectories(workDir);
            Tools.run(List.of(app.launcher().toString(), "send", "--profile", profile.toString(),
                    "--from", "cds@localhost", "--to", "cds@localhost", "--subject", "cds", "--body", "cds",
                    "--undo-seconds", "0", "--wait=120"),
                    Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + sendList));
            if (Tools.list(profile.resolve("pickup")).stream().noneMatch(p -> p.toString().endsWith(".eml"))) {
                throw new PackagingException("the training run of " + app.launcher() + " left no .eml in " + profile.resolve("pickup"));
            }
            List<Path> lists = new ArrayList<>(List.of(sendList));
            windowTraining(profile).ifPresent(lists::add);
            Path classList = app.appDir().resolve(CLASS_LIST);
            Tools.writeLines(classList, merged(lists));
            Tools.run(List.of(app.launcher().toString()), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:dump"
                    + " -XX:SharedClassListFile=" + classList.toAbsolutePath() + " -XX:SharedArchiveFile=" + archive), true);
            if (!Files.isRegularFile(archive)) {
                throw new PackagingException("the dump made no " + archive);
            }
            for (Path config : app.launcherConfigs()) {
                enableIn(config);
            }
            // -Xshare:on makes the JVM fail instead of quietly starting without the archive.
            Tools.run(List.of(app.launcher().toString(), "--help"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), true);
            if (app.platform() == Platform.LINUX) {
                Path direct = new DirectLauncher(app).write();
                Tools.run(List.of(direct.toString(), "--help"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"), true);
            }
            Tools.deleteTree(workDir);
        }

        /**
         * The classes the compose window loads, from a start on this display or, without one, on
         * xvfb-run's; empty (with a line saying so) where there is neither, or the window failed.
         */
        private java.util.Optional<Path> windowTraining(Path profile) {
            Path list = workDir.resolve("window.classlist").toAbsolutePath();
            List<String> command = new ArrayList<>();
            boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
            if (!display && Platform.current() == Platform.LINUX) {
                if (!Tools.onPath("xvfb-run")) {
                    System.out.println("packaging: the start-up archive holds the command line's classes only: no "
                            + "display and no xvfb-run to open the window on (Debian: apt-get install xvfb)");
                    return java.util.Optional.empty();
                }
                command.addAll(List.of("xvfb-run", "-a"));
            }
            command.addAll(List.of(app.launcher().toString(), "--profile", profile.toString()));
            try {
                Tools.run(command, Map.of("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list
                        + " -Denvoi.exitWhenReady=true"), true);
            } catch (PackagingException e) {
                System.out.println("packaging: the start-up archive holds the command line's classes only: the "
                        + "window's training run failed (" + e.getMessage() + ")");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(list);
        }

        /** Every line of the lists once, in the order first seen (the JVM loads them in that order). */
        private static List<String> merged(List<Path> lists) {
            java.util.LinkedHashSet<String> lines = new java.util.LinkedHashSet<>();
            for (Path list : lists) {
                lines.addAll(Tools.readLines(list));
            }
            return new ArrayList<>(lines);
        }

        /** Adds the archive to the [JavaOptions] of one launcher's settings ($APPDIR: the app folder, wherever it is). */
        private static void enableIn(Path config) {
            List<String> lines = new ArrayList<>(Tools.readLines(config));
            int section = lines.indexOf("[JavaOptions]");
            if (section < 0) {
                throw new PackagingException(config + " has no [JavaOptions] section");
            }
            lines.add(section + 1, "java-options=-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
            Tools.writeLines(config, lines);
        }
    }

    /**
     * bin/envoi on Linux: a shell script that starts the image's java exactly as bin/Envoi does,
     * with the options and the class path (in the same order, so the AppCDS archive maps) of
     * Envoi.cfg, but without the `rpm -qf` and `dpkg -S` that jpackage's Linux launcher runs before
     * every start to find out whether it was installed from a package: 0.4 s of each start here.
     * The desktop entry and /usr/bin/envoi use it; bin/Envoi stays, as jpackage made it.
     */
    record DirectLauncher(AppImage app) {
        Path write() {
            Path config = app.appDir().resolve("Envoi.cfg");
            List<String> classPath = new ArrayList<>();
            List<String> options = new ArrayList<>();
            String mainClass = null;
            for (String line : Tools.readLines(config)) {
                if (line.startsWith("app.classpath=")) {
                    classPath.add(line.substring("app.classpath=".length()));
                } else if (line.startsWith("app.mainclass=")) {
                    mainClass = line.substring("app.mainclass=".length());
                } else if (line.startsWith("java-options=")) {
                    options.add(line.substring("java-options=".length()));
                }
            }
            if (mainClass == null || classPath.isEmpty()) {
                throw new PackagingException(config + " names no main class or class path");
            }
            List<String> script = new ArrayList<>(List.of(
                    "#!/bin/sh",
                    "# Made by packaging/Packager.java from lib/app/Envoi.cfg: starts Envoi as bin/Envoi does",
                    "# (same options, same class path in the same order, so the AppCDS archive maps), without the",
                    "# package-manager queries jpackage's Linux launcher makes before every start.",
                    "here=$(dirname \"$(readlink -f \"$0\")\")",
                    "APPDIR=$(cd \"$here/../lib/app\" && pwd)",
                    "exec \"$here/../lib/runtime/bin/java\" \\"));
            for (String option : options) {
                script.add("  \"" + shellSafe(option) + "\" \\");
            }
            script.add("  -cp \"" + shellSafe(String.join(":", classPath)) + "\" \\");
            script.add("  " + mainClass + " \"$@\"");
            Path launcher = app.root().resolve("bin").resolve("envoi");
            Tools.writeLines(launcher, script);
            if (!launcher.toFile().setExecutable(true, false)) {
                throw new PackagingException("cannot make " + launcher + " executable");
            }
            return launcher;
        }

        /** The text inside double quotes: only $APPDIR may expand; nothing else in a .cfg should. */
        private static String shellSafe(String text) {
            if (text.matches(".*[\"`\\\\].*") || text.replace("$APPDIR", "").contains("$")) {
                throw new PackagingException("unexpected characters in a launcher setting: " + text);
            }
            return text;
        }
    }

    /**
     * Fails the build when jdeps finds a JDK module in use that packaging/jlink.args leaves out, so
     * that a new dependency cannot quietly break the installed app with a NoClassDefFoundError.
     */
    record ModuleCheck(Path jlinkArgs) {
        void requireCovers(Path jar, Path libs) {
            List<String> command = new ArrayList<>(List.of(Tools.jdk("jdeps"), "--print-module-deps",
                    "--ignore-missing-deps", "--multi-release", "17", jar.toString()));
            Tools.list(libs).forEach(lib -> command.add(lib.toString()));
            String output = Tools.capture(command).strip();
            String last = output.substring(output.lastIndexOf('\n') + 1);
            Set<String> used = new TreeSet<>(Arrays.asList(last.split(",")));
            used.removeAll(listed());
            if (!used.isEmpty()) {
                throw new PackagingException("jdeps finds modules in use that " + jlinkArgs
                        + " does not add: " + String.join(",", used) + " (add them to --add-modules)");
            }
        }

        private Set<String> listed() {
            List<String> lines = Tools.readLines(jlinkArgs);
            for (String line : lines) {
                if (line.startsWith("--add-modules ")) {
                    return new TreeSet<>(Arrays.asList(line.substring("--add-modules ".length()).strip().split(",")));
                }
            }
            throw new PackagingException(jlinkArgs + " has no --add-modules line");
        }
    }

    /** jpackage takes one to three dot-separated numbers: 0.1.0-SNAPSHOT is packaged as 0.1.0. */
    static final class AppVersion {
        static String of(String mavenVersion) {
            String numbers = mavenVersion.split("[-+]", 2)[0];
            if (!numbers.matches("\\d+(\\.\\d+){0,2}")) {
                throw new PackagingException("version " + mavenVersion + " does not start with 1 to 3 numbers (like 1.2.3)");
            }
            return numbers;
        }
    }

    static final class PackagingException extends RuntimeException {
        PackagingException(String message) {
            super(message);
        }
    }

    /** Files and processes, with every failure turned into a one-line PackagingException. */
    static final class Tools {
        static String jdk(String tool) {
            boolean windows = Platform.current() == Platform.WINDOWS;
            Path path = Path.of(System.getProperty("java.home"), "bin", tool + (windows ? ".exe" : ""));
            if (!Files.isExecutable(path)) {
                throw new PackagingException(path + " is missing: package with a full JDK 17 or later");
            }
            return path.toString();
        }

        static boolean onPath(String tool) {
            String path = System.getenv().getOrDefault("PATH", "");
            return Stream.of(path.split(java.io.File.pathSeparator))
                    .filter(dir -> !dir.isEmpty())
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        }

        static void run(List<String> command, Map<String, String> env) {
            run(command, env, false);
        }

        /** Runs a command with this console; quiet sends its output away (it is checked by exit code). */
        static void run(List<String> command, Map<String, String> env, boolean quiet) {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().putAll(env);
            if (quiet) {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            int code = waitFor(builder, command);
            if (code != 0) {
                throw new PackagingException(Path.of(command.get(0)).getFileName() + " failed (exit " + code + "): " + String.join(" ", command));
            }
        }

        static String capture(List<String> command) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            try {
                Process process = builder.start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (process.waitFor() != 0) {
                    throw new PackagingException(Path.of(command.get(0)).getFileName() + " failed: " + output.strip());
                }
                return output;
            } catch (IOException e) {
                throw new PackagingException("cannot run " + command.get(0) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PackagingException("interrupted");
            }
        }

        private static int waitFor(ProcessBuilder builder, List<String> command) {
            try {
                return builder.start().waitFor();
            } catch (IOException e) {
                throw new PackagingException("cannot run " + command.get(0) + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PackagingException("interrupted");
            }
        }

        static List<Path> list(Path dir) {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(dir)) {
                return files.sorted().collect(Collectors.toList());
            } catch (IOException e) {
                throw failure(e);
            }
        }

        static long size(Path path) {
            try (Stream<Path> files = Files.walk(path)) {
                return files.filter(Files::isRegularFile).mapToLong(Tools::fileSize).sum();
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private static long fileSize(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void createDirectories(Path dir) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new PackagingException("cannot create " + dir + ": " + e.getMessage());
            }
        }

        static List<String> readLines(Path file) {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        static void writeLines(Path file, List<String> lines) {
            try {
                Files.write(file, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        static void copyFile(Path from, Path to) {
            try {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        static void move(Path from, Path to) {
            try {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        static void delete(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        static void deleteTree(Path dir) {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(Tools::delete);
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private static PackagingException failure(IOException e) {
            return new PackagingException(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
