package dev.envoi.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.envoi.app.StartupProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark 7: start-up of `java -jar target/envoi.jar --profile DIR` under Xvfb until its compose
 * window takes typing (the {@link StartupProbe}), against an empty JavaFX window with one text
 * field started the same way, same JVM and flags, runs alternating. Runs only with -Pbench, after
 * `package` has built the jar; asserts no time.
 */
class StartupBenchmark {

    private static final String BENCHMARK = "7. start-up";
    private static final int RUNS = 7;
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Path JAR = Path.of("target", "envoi.jar");

    @TempDir
    Path work;

    @Test
    void launchToAComposeWindowThatTakesTypingAgainstAnEmptyJavaFxWindow() throws Exception {
        assumeTrue(Files.exists(JAR), "target/envoi.jar is built by `package`; run `mvn -Pbench verify`");
        Optional<VirtualDisplay> started = VirtualDisplay.start();
        if (started.isEmpty()) {
            BenchReport.note(BENCHMARK, "skipped: Xvfb is not installed (apt-get install xvfb libgtk-3-0)");
            assumeTrue(false, "Xvfb is not installed");
        }
        try (VirtualDisplay display = started.get()) {
            String profile = work.resolve("profile").toString();
            List<String> envoi = List.of("-jar", JAR.toString(), "--profile", profile);
            List<String> empty = List.of("-cp", JAR + File.pathSeparator + Path.of("target", "test-classes"),
                    EmptyWindowApp.Main.class.getName());
            // One start each first: it creates the profile and warms the disk cache for both.
            launch(display, envoi);
            launch(display, empty);
            List<Double> envoiMillis = new ArrayList<>();
            List<Double> emptyMillis = new ArrayList<>();
            List<Double> envoiRss = new ArrayList<>();
            List<Double> emptyRss = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Launch e = launch(display, envoi);
                envoiMillis.add(e.millis());
                envoiRss.add(e.rssMiB());
                Launch b = launch(display, empty);
                emptyMillis.add(b.millis());
                emptyRss.add(b.rssMiB());
            }
            BenchReport.Figure time = new BenchReport.Figure(BENCHMARK, "launch → compose window takes typing",
                    Stats.of("ms", envoiMillis)).against("empty JavaFX window, same JVM and flags", Stats.of("ms", emptyMillis));
            time.bar("≤ 1.5x the empty window", time.ratioTo("empty JavaFX window, same JVM and flags") <= 1.5).record();
            new BenchReport.Figure(BENCHMARK, "resident memory when ready (VmHWM)", Stats.of("MiB", envoiRss))
                    .against("empty JavaFX window", Stats.of("MiB", emptyRss)).record();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/thunderbird"))) {
            BenchReport.note(BENCHMARK, "Thunderbird is not installed here, so its -compose was not measured");
        }
    }

    private record Launch(double millis, double rssMiB) {
    }

    /** Starts one JVM and waits for its probe; the time is from just before the start to the probe's instant. */
    private Launch launch(VirtualDisplay display, List<String> arguments) throws IOException, InterruptedException {
        Path probe = Files.createTempFile(work, "probe", ".txt");
        Files.delete(probe);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-D" + StartupProbe.PROPERTY + "=" + probe);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("launch.log").toFile());
        builder.environment().put("DISPLAY", display.name());
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
            return new Launch((readyMicros - startMicros) / 1000.0, peakRssMiB(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static double peakRssMiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0).orElse(Double.NaN);
    }
}
