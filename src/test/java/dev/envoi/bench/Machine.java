package dev.envoi.bench;

import dev.envoi.app.cli.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the figures were measured on: cores, CPU, memory, JVM, OS and how busy the machine was. */
record Machine(int cores, String cpu, String memory, String jvm, String os, String loadAverage) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                procLine("/proc/meminfo", "MemTotal").map(Machine::gibibytes).orElse("unknown"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                read("/proc/loadavg").map(l -> String.join(" ", java.util.Arrays.copyOf(l.trim().split("\\s+"), 3)))
                        .orElse("unknown"));
    }

    String describe() {
        return cores + " cores (" + cpu + "), " + memory + " RAM, " + jvm + ", " + os + "; load average at start "
                + loadAverage;
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cores", cores);
        json.put("cpu", cpu);
        json.put("memory", memory);
        json.put("jvm", jvm);
        json.put("os", os);
        json.put("load_average", loadAverage);
        return Json.write(json);
    }

    private static Optional<String> procLine(String file, String key) {
        return read(file).flatMap(text -> text.lines().filter(l -> l.startsWith(key)).findFirst())
                .map(l -> l.substring(l.indexOf(':') + 1).trim());
    }

    private static String gibibytes(String memTotal) {
        long kib = Long.parseLong(memTotal.replaceAll("[^0-9]", ""));
        return String.format(java.util.Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
    }

    private static Optional<String> read(String file) {
        try {
            return Optional.of(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
