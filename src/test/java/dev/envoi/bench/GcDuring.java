package dev.envoi.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the collectors did during a stretch of a benchmark, and when its late pulses ended in the
 * JVM's uptime, the clock of {@code -Xlog:gc} and of JFR's recording: a late pulse can then be
 * matched with a pause (issue 21, scrolling Sent).
 */
final class GcDuring {

    private final Map<String, long[]> before = new LinkedHashMap<>();
    /** System.nanoTime() less the JVM's uptime in nanoseconds, to the millisecond. */
    private static final long NANO_AT_START = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;

    private GcDuring() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            before.put(gc.getName(), new long[] {gc.getCollectionCount(), gc.getCollectionTime()});
        }
    }

    static GcDuring start() {
        return new GcDuring();
    }

    /** "G1 Young Generation 14 (96 ms), G1 Old Generation 0 (0 ms)": collections and their time since start. */
    String collected() {
        List<String> parts = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long[] was = before.getOrDefault(gc.getName(), new long[2]);
            parts.add(gc.getName() + " " + (gc.getCollectionCount() - was[0]) + " (" + (gc.getCollectionTime() - was[1]) + " ms)");
        }
        return String.join(", ", parts);
    }

    /**
     * The {@code most} longest gaps between pulses ({@code System.nanoTime()}) over {@code overMillis},
     * in time order, each with its pulse's number and the uptime it ended at, and how many there were.
     */
    static String latePulses(List<Long> pulses, double overMillis, int most) {
        List<long[]> late = new ArrayList<>();
        for (int i = 1; i < pulses.size(); i++) {
            long gap = pulses.get(i) - pulses.get(i - 1);
            if (gap > overMillis * 1e6) {
                late.add(new long[] {gap, pulses.get(i) - NANO_AT_START, i});
            }
        }
        List<long[]> longest = new ArrayList<>(late);
        longest.sort((a, b) -> Long.compare(b[0], a[0]));
        longest = new ArrayList<>(longest.subList(0, Math.min(most, longest.size())));
        longest.sort((a, b) -> Long.compare(a[1], b[1]));
        List<String> shown = new ArrayList<>();
        for (long[] gap : longest) {
            shown.add(String.format("%.1f ms at pulse %d ending at %.3f s", gap[0] / 1e6, gap[2], gap[1] / 1e9));
        }
        return late.size() + " pulse gaps over " + overMillis + " ms" + (late.isEmpty() ? ""
                : ", the longest (uptime, the clock of -Xlog:gc): " + String.join(", ", shown));
    }
}
