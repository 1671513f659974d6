package dev.envoi.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envoi.app.desktop.StartupProbe;
import dev.envoi.store.BigProfile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 7: start-up under Xvfb until the compose window takes typing (the {@link StartupProbe}),
 * against an empty JavaFX window with one text field started the same way, runs alternating:
 * `java -jar target/envoi.jar` with the JDK's own class-data archive and with Envoi's AppCDS
 * archive, and, when `mvn -Ppackage package` has built it, the packaged image through bin/envoi
 * and jpackage's bin/Envoi, with and without its archive, against the empty window on the image's
 * own runtime; and, where Debian's Thunderbird is installed, its `-compose` to a visible compose
 * window. Runs only with -Pbench, after `package` has built the jar; asserts no time.
 */
class StartupBenchmark {

    private static final String BENCHMARK = "7. start-up";
    private static final int RUNS = Integer.getInteger("bench.startupRuns", 7);
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Path JAR = Path.of("target", "envoi.jar");
    private static final Path IMAGE = Path.of("target", "jpackage", "image", "Envoi");
    private static final String EMPTY_JAR = "empty JavaFX window, java -jar's JVM";
    private static final String EMPTY_IMAGE = "empty JavaFX window, the image's runtime";
    private static final String EMPTY_PROFILE = "java -jar, an empty profile";

    @TempDir
    Path work;

    /**
     * One way of starting: its command, its environment, and the way it is compared with. {@code quits}:
     * the process quits by itself once whole (exitWhenReady), closing its profile as a user's quit
     * does, rather than being stopped; so its next start finds the profile as a quit left it.
     */
    private record Way(String name, List<String> command, Map<String, String> env, String baseline, Double bar,
                       boolean quits) {
        Way(String name, List<String> command, Map<String, String> env, String baseline, Double bar) {
            this(name, command, env, baseline, bar, false);
        }
    }

    /** To the window taking typing; to the whole window (what it builds after its first frame too); memory then. */
    private record Launch(double millis, double settledMillis, double rssMiB) {
    }

    @Test
    void launchToAComposeWindowThatTakesTypingAgainstAnEmptyJavaFxWindow() throws Exception {
        assumeTrue(Files.exists(JAR), "target/envoi.jar is built by `package`; run `mvn -Pbench verify`");
        Optional<VirtualDisplay> started = VirtualDisplay.start();
        if (started.isEmpty()) {
            BenchReport.note(BENCHMARK, "skipped: Xvfb is not installed (apt-get install xvfb libgtk-3-0)");
            Assumptions.abort("Xvfb is not installed: the benchmark needs a display to start windows on");
        }
        List<Way> ways = ways();
        Map<String, List<Launch>> launches = new LinkedHashMap<>();
        Optional<ThunderbirdCompose> thunderbird = ThunderbirdCompose.in(work);
        List<Double> thunderbirdMillis = new ArrayList<>();
        try (VirtualDisplay display = started.get()) {
            // `java -jar` makes its class-data archive at its first window start (app.ClassDataRelaunch),
            // in this run's own cache folder: that start is timed apart, quitting once whole so the archive is kept.
            Way first = ways.get(0);
            List<String> quitting = new ArrayList<>(first.command());
            quitting.add(1, "-D" + StartupProbe.EXIT_WHEN_READY + "=true");
            Launch making = launch(display, new Way(first.name(), quitting, first.env(), null, null, true));
            BenchReport.note(BENCHMARK, String.format("java -jar's first start, which makes its class-data archive as it "
                    + "quits: %.0f ms to the window taking typing, %.0f ms to the whole window", making.millis(),
                    making.settledMillis()));
            // One start each first: it creates the profiles and warms the disk cache for all.
            for (Way way : ways) {
                launch(display, way);
            }
            if (thunderbird.isPresent()) {
                thunderbird.get().launchMillis(display);
            }
            for (int i = 0; i < RUNS; i++) {
                for (Way way : ways) {
                    launches.computeIfAbsent(way.name(), n -> new ArrayList<>()).add(launch(display, way));
                }
                if (thunderbird.isPresent()) {
                    thunderbirdMillis.add(thunderbird.get().launchMillis(display));
                }
            }
        }
        for (Way way : ways) {
            if (way.baseline() == null) {
                continue;
            }
            BenchReport.Figure time = new BenchReport.Figure(BENCHMARK, way.name() + ": launch → compose window takes typing",
                    millis(launches.get(way.name()))).against(way.baseline(), millis(launches.get(way.baseline())));
            if (way.bar() != null) {
                String against = way.baseline().startsWith("empty JavaFX window") ? "the empty window" : way.baseline();
                time = time.bar("≤ " + way.bar() + "x " + against, time.ratioTo(way.baseline()) <= way.bar());
            }
            time.record();
            new BenchReport.Figure(BENCHMARK, way.name() + ": launch → whole window (body editor built, laid out)",
                    settled(launches.get(way.name()))).against(way.baseline(), settled(launches.get(way.baseline())))
                    .record();
        }
        new BenchReport.Figure(BENCHMARK, "java -jar: resident memory when the whole window is there (VmHWM, both JVMs added up)", rss(launches.get(ways.get(0).name())))
                .against(EMPTY_JAR, rss(launches.get(EMPTY_JAR))).record();
        if (!Files.isExecutable(IMAGE.resolve("bin").resolve("envoi"))) {
            BenchReport.note(BENCHMARK, "the packaged image was not measured: build it first with "
                    + "`mvn -Ppackage,bench verify -Denvoi.installers=false`");
        }
        if (thunderbird.isEmpty()) {
            BenchReport.note(BENCHMARK, "Thunderbird (or xdotool) is not installed here, so its -compose was not measured");
            return;
        }
        // Envoi should show its compose window in under half of Thunderbird's time.
        Stats thunderbirdTime = Stats.of("ms", thunderbirdMillis);
        for (Way way : ways) {
            if (way.baseline() != null) {
                BenchReport.Figure time = new BenchReport.Figure(BENCHMARK, way.name()
                        + ": launch → compose window, against Thunderbird", millis(launches.get(way.name())))
                        .against(ThunderbirdCompose.NAME, thunderbirdTime);
                time.bar("under half of Thunderbird's time", time.ratioTo(ThunderbirdCompose.NAME) < 0.5).record();
            }
        }
    }

    private List<Way> ways() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String probe = "-D" + StartupProbe.PROPERTY + "=PROBE";
        List<Way> ways = new ArrayList<>();
        ways.add(new Way("java -jar", List.of(java, probe, "-jar", JAR.toString(), "--profile", profile("jar")),
                Map.of(), EMPTY_JAR, 1.5));
        Optional<Path> jarArchive = jarArchive(java);
        jarArchive.ifPresent(archive -> ways.add(new Way("java -jar with Envoi's AppCDS archive", List.of(java,
                "-XX:SharedArchiveFile=" + archive, probe, "-jar", JAR.toString(), "--profile", profile("jar-cds")),
                Map.of(), EMPTY_JAR, null)));
        ways.add(new Way(EMPTY_JAR, List.of(java, probe, "-cp", JAR + File.pathSeparator + Path.of("target", "test-classes"),
                EmptyWindowApp.Main.class.getName()), Map.of(), null, null));
        if (!"false".equals(System.getProperty("bench.bigProfileStartup"))) {
            // Issue 21, bar 2: a year of mail starts as fast as nothing (≤ 1.1x), each start after a quit.
            String quit = "-D" + StartupProbe.EXIT_WHEN_READY + "=true";
            ways.add(new Way(EMPTY_PROFILE, List.of(java, probe, quit, "-jar", JAR.toString(), "--profile",
                    profile("quits")), Map.of(), null, null, true));
            Path year = work.resolve("profile-year");
            BigProfile.generate(year, BigProfile.Size.YEAR, 21);
            ways.add(new Way("java -jar, a year of mail (100,000 sent, 10,000 queued, 2,000 drafts)", List.of(java,
                    probe, quit, "-jar", JAR.toString(), "--profile", year.toString()), Map.of(), EMPTY_PROFILE, 1.1, true));
        }
        Path direct = IMAGE.resolve("bin").resolve("envoi");
        if (Files.isExecutable(direct)) {
            Map<String, String> probed = Map.of("JAVA_TOOL_OPTIONS", probe);
            ways.add(new Way("packaged image, bin/envoi (AppCDS)", List.of(direct.toString(), "--profile", profile("image")),
                    probed, EMPTY_IMAGE, 1.2));
            ways.add(new Way("packaged image, jpackage's bin/Envoi (AppCDS)", List.of(IMAGE.resolve("bin").resolve("Envoi")
                    .toString(), "--profile", profile("image-launcher")), probed, EMPTY_IMAGE, 1.3));
            // On Linux jpackage's launcher asks `rpm -qf` and `dpkg -S` who owns it before every start, twice: in
            // bin/Envoi (getJvmLauncherLibPath) and again in lib/libapplauncher.so (Package::findOwnerOfFile);
            // on Windows and macOS it asks nothing. With a PATH that finds neither, both fail at once: its start there.
            Map<String, String> noPackageQueries = new java.util.HashMap<>(probed);
            noPackageQueries.put("PATH", Files.createDirectories(work.resolve("empty-path")).toString());
            ways.add(new Way("packaged image, jpackage's bin/Envoi without its package queries (as on Windows, macOS)",
                    List.of(IMAGE.resolve("bin").resolve("Envoi").toString(), "--profile", profile("image-launcher-noquery")),
                    noPackageQueries, EMPTY_IMAGE, null));
            // _JAVA_OPTIONS comes after the launcher's options: the JDK's own archive instead of Envoi's.
            Path jdkArchive = IMAGE.resolve("lib").resolve("runtime").resolve("lib").resolve("server").resolve("classes.jsa");
            ways.add(new Way("packaged image, bin/envoi without its archive", List.of(direct.toString(), "--profile",
                    profile("image-nocds")), Map.of("JAVA_TOOL_OPTIONS", probe, "_JAVA_OPTIONS",
                    "-XX:SharedArchiveFile=" + jdkArchive.toAbsolutePath()), EMPTY_IMAGE, null));
            // JavaFX from the image and the probe from its envoi.jar: the empty window needs nothing else.
            String javafx;
            try (Stream<Path> jars = Files.list(IMAGE.resolve("lib").resolve("app").resolve("lib"))) {
                javafx = jars.filter(p -> p.getFileName().toString().startsWith("javafx-")).map(Path::toString)
                        .sorted().collect(Collectors.joining(File.pathSeparator));
            }
            ways.add(new Way(EMPTY_IMAGE, List.of(IMAGE.resolve("lib").resolve("runtime").resolve("bin").resolve("java")
                    .toString(), probe, "-cp", javafx + File.pathSeparator + Path.of("target", "test-classes")
                    + File.pathSeparator + IMAGE.resolve("lib").resolve("app").resolve("envoi.jar"),
                    EmptyWindowApp.Main.class.getName()), Map.of(), null, null));
        }
        return ways;
    }

    private String profile(String name) {
        return work.resolve("profile-" + name).toString();
    }

    /**
     * An AppCDS archive for `java -jar target/envoi.jar`, dumped from the class list the packaged
     * image was trained with (packaging/Packager.java); absent when no image has been built.
     */
    private Optional<Path> jarArchive(String java) throws IOException, InterruptedException {
        Path classList = IMAGE.resolve("lib").resolve("app").resolve("envoi.classlist");
        if (!Files.isRegularFile(classList)) {
            return Optional.empty();
        }
        Path archive = work.resolve("jar.jsa");
        Process dump = new ProcessBuilder(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-jar", JAR.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("dump.log").toFile()).start();
        return dump.waitFor(3, TimeUnit.MINUTES) && dump.exitValue() == 0 && Files.exists(archive)
                ? Optional.of(archive) : Optional.empty();
    }

    private static Stats millis(List<Launch> launches) {
        return Stats.of("ms", launches.stream().map(Launch::millis).toList());
    }

    private static Stats settled(List<Launch> launches) {
        return Stats.of("ms", launches.stream().map(Launch::settledMillis).toList());
    }

    private static Stats rss(List<Launch> launches) {
        return Stats.of("MiB", launches.stream().map(Launch::rssMiB).toList());
    }

    /** Starts one process and waits for its probe; the time is from just before the start to the probe's instant. */
    private Launch launch(VirtualDisplay display, Way way) throws IOException, InterruptedException {
        Path probe = Files.createTempFile(work, "probe", ".txt");
        Files.delete(probe);
        List<String> command = way.command().stream().map(a -> a.replace("PROBE", probe.toString())).toList();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("launch.log").toFile());
        builder.environment().put("DISPLAY", display.name());
        // Where `java -jar` keeps its class-data archive: this run's, so the run starts without one.
        builder.environment().put("XDG_CACHE_HOME", work.resolve("cache").toString());
        way.env().forEach((name, value) -> builder.environment().put(name, value.replace("PROBE", probe.toString())));
        Instant start = Instant.now();
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (Files.notExists(probe)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no start-up probe from " + command + ": "
                            + Files.readString(work.resolve("launch.log")));
                }
                Thread.sleep(5);
            }
            long readyMicros = Long.parseLong(Files.readString(probe).trim());
            long startMicros = start.getEpochSecond() * 1_000_000 + start.getNano() / 1000;
            // The compose window builds its body editor right after its first frame (StartupProbe.SETTLED).
            Path settled = probe.resolveSibling(probe.getFileName() + ".settled");
            while (Files.notExists(settled)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no settled probe from " + command);
                }
                Thread.sleep(5);
            }
            long settledMicros = Long.parseLong(Files.readString(settled).trim());
            double rss = way.quits() ? Double.NaN : peakRssMiB(process);
            if (way.quits() && !process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("did not quit once ready: " + command);
            }
            return new Launch((readyMicros - startMicros) / 1000.0, (settledMicros - startMicros) / 1000.0, rss);
        } finally {
            // The whole tree: bin/envoi execs java, bin/Envoi starts it as a child.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The peak RSS of the process and every process it started, added up: a launcher and its java
     * child, or `java -jar` and the JVM it starts again with the class-data archive.
     */
    private static double peakRssMiB(Process process) throws IOException {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        process.descendants().map(ProcessHandle::pid).forEach(pids::add);
        double total = 0;
        for (long pid : pids) {
            total += Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0).orElse(0.0);
        }
        return total;
    }
}
