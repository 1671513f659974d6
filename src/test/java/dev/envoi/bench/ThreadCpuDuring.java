package dev.envoi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The CPU each of this process's native threads used during a stretch of a benchmark, from Linux's
 * {@code /proc/self/task}: unlike ThreadMXBean it sees the JIT's compiler threads and the
 * collector's, which share the two cores with the FX thread and the renderer (issue 21, scrolling
 * Sent). Threads are grouped by their name less its number ("C2 CompilerThre", "GC Thread#"). On a
 * system without {@code /proc} it notes nothing.
 */
final class ThreadCpuDuring {

    /** Clock ticks per second of {@code /proc}'s utime and stime: 100 on every Linux this runs on. */
    private static final double TICK_MILLIS = 10.0;

    private final Map<String, Long> before;

    private ThreadCpuDuring() {
        before = ticksByThread();
    }

    static ThreadCpuDuring start() {
        return new ThreadCpuDuring();
    }

    /** "QuantumRenderer 1230 ms, C2 CompilerThre 410 ms, …": the busiest groups first, at most {@code most}. */
    String used(int most) {
        Map<String, Long> after = ticksByThread();
        Map<String, Long> byGroup = new HashMap<>();
        after.forEach((thread, ticks) -> {
            long spent = ticks - before.getOrDefault(thread, 0L);
            if (spent > 0) {
                byGroup.merge(group(thread), spent, Long::sum);
            }
        });
        List<Map.Entry<String, Long>> busiest = new ArrayList<>(byGroup.entrySet());
        busiest.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        List<String> shown = new ArrayList<>();
        for (Map.Entry<String, Long> e : busiest.subList(0, Math.min(most, busiest.size()))) {
            shown.add(String.format("%s %.0f ms", e.getKey(), e.getValue() * TICK_MILLIS));
        }
        return shown.isEmpty() ? "no /proc/self/task here" : String.join(", ", shown);
    }

    private static String group(String thread) {
        String name = thread.substring(thread.indexOf(' ') + 1);
        return name.replaceAll("[-#]?\\d+$", "").trim();
    }

    /** "tid name" → utime + stime in clock ticks, for every thread alive now. */
    private static Map<String, Long> ticksByThread() {
        Map<String, Long> ticks = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // The name, in parentheses, may hold spaces: the fields that follow are counted from its end.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // The thread ended between the listing and the read: it has nothing more to count.
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }
}
