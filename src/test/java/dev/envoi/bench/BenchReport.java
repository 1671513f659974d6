package dev.envoi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Appends each benchmark's figures to target/bench/results.md and results.jsonl, with the machine
 * they were measured on, so ratios are always read against a baseline from the same run.
 */
final class BenchReport {

    private static final Path DIR = Path.of("target", "bench");

    private BenchReport() {
    }

    static synchronized void record(String benchmark, String figure, Stats stats, String baseline, Stats base) {
        double ratio = stats.median() / base.median();
        String md = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2fx |%n", benchmark, figure,
                stats.describe(), baseline, base.describe(), ratio);
        String json = String.format(Locale.ROOT, "{\"benchmark\":\"%s\",\"figure\":\"%s\",\"median_ms\":%.4f,"
                        + "\"p99_ms\":%.4f,\"baseline\":\"%s\",\"baseline_median_ms\":%.4f,\"ratio\":%.3f,"
                        + "\"cores\":%d,\"jvm\":\"%s\"}%n", benchmark, figure, stats.median(), stats.p99(), baseline,
                base.median(), ratio, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        append("results.md", md, "| benchmark | figure | Envoi | baseline | baseline figures | ratio |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        append("results.jsonl", json, "");
        System.out.print(md);
    }

    private static void append(String file, String line, String header) {
        try {
            Files.createDirectories(DIR);
            Path path = DIR.resolve(file);
            if (Files.notExists(path)) {
                String machine = header.isEmpty() ? "" : "Machine: " + Runtime.getRuntime().availableProcessors()
                        + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")
                        + ", " + System.getProperty("os.name") + "\n\n";
                Files.writeString(path, machine + header, StandardCharsets.UTF_8);
            }
            Files.writeString(path, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
