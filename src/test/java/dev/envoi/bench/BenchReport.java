package dev.envoi.bench;

import dev.envoi.app.cli.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the figures of one `mvn -Pbench verify` run into target/bench/results.md and
 * results.json. Surefire runs each benchmark class in a JVM of its own, so every figure is appended
 * to records.tsv, tagged with the run (a time stamp Maven passes in), and both result files are
 * rewritten from this run's records each time: a figure never mixes with one from another run.
 */
final class BenchReport {

    static final Path DIR = Path.of("target", "bench");
    private static final Path RECORDS = DIR.resolve("records.tsv");
    private static final String RUN = System.getProperty("envoi.bench.run",
            "adhoc-" + ProcessHandle.current().info().startInstant().map(Object::toString).orElse("now"));

    private BenchReport() {
    }

    /** A baseline measured in the same run, and how Envoi's median compares with its median. */
    record Baseline(String name, Stats stats) {
    }

    /** The bar for a figure, and whether this run met it (null when it cannot be judged). */
    record Bar(String text, Boolean met) {
        String describe() {
            return met == null ? text : (met ? "met: " : "NOT met: ") + text;
        }
    }

    /** One figure: Envoi's measurement and its baselines. */
    record Figure(String benchmark, String name, Stats envoi, List<Baseline> baselines, Bar bar) {

        Figure(String benchmark, String name, Stats envoi) {
            this(benchmark, name, envoi, List.of(), null);
        }

        Figure against(String baseline, Stats stats) {
            List<Baseline> more = new ArrayList<>(baselines);
            more.add(new Baseline(baseline, stats));
            return new Figure(benchmark, name, envoi, more, bar);
        }

        Figure bar(String text, Boolean met) {
            return new Figure(benchmark, name, envoi, baselines, new Bar(text, met));
        }

        double ratioTo(String baseline) {
            return baselines.stream().filter(b -> b.name().equals(baseline)).findFirst()
                    .map(b -> envoi.median() / b.stats().median())
                    .orElseThrow(() -> new IllegalArgumentException("no baseline " + baseline));
        }

        void record() {
            BenchReport.record(this);
        }
    }

    static synchronized void record(Figure figure) {
        String bar = figure.bar() == null ? "" : figure.bar().describe();
        List<String> rows = new ArrayList<>();
        if (figure.baselines().isEmpty()) {
            rows.add(row(figure.benchmark(), figure.name(), figure.envoi().describeWithTail(), "—", "—", "—", bar));
        }
        List<Map<String, Object>> baselines = new ArrayList<>();
        for (Baseline base : figure.baselines()) {
            double ratio = figure.envoi().median() / base.stats().median();
            rows.add(row(figure.benchmark(), figure.name(), figure.envoi().describeWithTail(), base.name(),
                    base.stats().describeWithTail(), Stats.format(ratio) + "x", bar));
            Map<String, Object> baseline = new LinkedHashMap<>();
            baseline.put("name", base.name());
            baseline.put("stats", base.stats().toJson());
            baseline.put("ratio", ratio);
            baselines.add(baseline);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", figure.benchmark());
        json.put("figure", figure.name());
        json.put("envoi", figure.envoi().toJson());
        json.put("baselines", baselines);
        if (figure.bar() == null) {
            json.put("bar", null);
        } else {
            Map<String, Object> barJson = new LinkedHashMap<>();
            barJson.put("text", figure.bar().text());
            barJson.put("met", figure.bar().met());
            json.put("bar", barJson);
        }
        rows.forEach(System.out::println);
        append("figure", String.join("\n", rows), Json.write(json));
    }

    /** A remark that belongs with the figures: a skipped peer, a profile finding. */
    static synchronized void note(String benchmark, String text) {
        System.out.println("note: " + benchmark + ": " + text);
        append("note", "- " + benchmark + ": " + text, Json.write(benchmark + ": " + text));
    }

    private static String row(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    private static void append(String kind, String markdown, String json) {
        try {
            Files.createDirectories(DIR);
            List<String[]> records = thisRun();
            if (records.isEmpty()) {
                Machine machine = Machine.current();
                writeRecord("machine", machine.describe(), machine.toJson());
            }
            writeRecord(kind, markdown, json);
            render(thisRun());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRecord(String kind, String markdown, String json) throws IOException {
        String line = String.join("\t", RUN, kind, markdown.replace("\n", "\\n"), json) + "\n";
        Files.writeString(RECORDS, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String[]> thisRun() throws IOException {
        if (Files.notExists(RECORDS)) {
            return List.of();
        }
        return Files.readAllLines(RECORDS, StandardCharsets.UTF_8).stream().map(l -> l.split("\t", 4))
                .filter(r -> r.length == 4 && r[0].equals(RUN)).toList();
    }

    private static void render(List<String[]> records) throws IOException {
        StringBuilder md = new StringBuilder("# Envoi benchmark results\n\n");
        StringBuilder figures = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        String machineJson = "null";
        md.append("Run `").append(RUN).append("` of `mvn -Pbench verify`.\n\n");
        for (String[] r : records) {
            String markdown = r[2].replace("\\n", "\n");
            switch (r[1]) {
                case "machine" -> {
                    md.append("Machine: ").append(markdown).append(".\n\n");
                    machineJson = r[3];
                }
                case "figure" -> figures.append(markdown).append('\n');
                default -> notes.append(markdown).append('\n');
            }
        }
        md.append("Each figure is the median [p10–p90] over repeated runs, with p99 and the number of runs; each ratio ")
                .append("is Envoi's median over the baseline's median, both measured in this run.\n\n")
                .append("| benchmark | figure | Envoi | baseline | baseline figure | ratio | bar |\n")
                .append("| --- | --- | --- | --- | --- | --- | --- |\n").append(figures);
        if (notes.length() > 0) {
            md.append("\n## Notes\n\n").append(notes);
        }
        Files.writeString(DIR.resolve("results.md"), md, StandardCharsets.UTF_8);
        String json = "{\"run\":" + Json.write(RUN) + ",\"command\":\"mvn -Pbench verify\",\"machine\":" + machineJson
                + ",\"figures\":[" + String.join(",", records.stream().filter(r -> r[1].equals("figure"))
                .map(r -> r[3]).toList()) + "],\"notes\":[" + String.join(",", records.stream()
                .filter(r -> r[1].equals("note")).map(r -> r[3]).toList()) + "]}\n";
        Files.writeString(DIR.resolve("results.json"), json, StandardCharsets.UTF_8);
    }
}
