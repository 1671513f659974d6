package dev.envoi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * What the FX thread did in the first pulses of a scroll (issue 21: Sent's first scroll had one
 * late pulse near its start that the same scroll run again did not): for each of the first
 * {@code count} pulses, the gap before it, the FX thread's CPU since the pulse before, and what the
 * given counters (pages that came after their placeholders, cells the table holds) moved by.
 * Called from the pulse's own animation timer, on the FX thread.
 */
final class FirstPulses {

    private final int count;
    private final IntSupplier[] counters;
    private final String[] names;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<long[]> notes = new ArrayList<>();
    /** The JVM's uptime at the first pulse, the clock of -Xlog and of JFR's events. */
    private long startedAtUptime;

    FirstPulses(int count, String[] names, IntSupplier... counters) {
        this.count = count;
        this.names = names;
        this.counters = counters;
    }

    /** Notes this pulse if it is one of the first. */
    void pulse() {
        if (notes.size() > count) {
            return;
        }
        if (notes.isEmpty()) {
            startedAtUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        }
        long[] note = new long[2 + counters.length];
        note[0] = System.nanoTime();
        note[1] = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < counters.length; i++) {
            note[2 + i] = counters[i].getAsInt();
        }
        notes.add(note);
    }

    /** "pulse 1: 16.0 ms, FX CPU 3.1 ms, pages +0, cells +0; pulse 2: …" */
    String summary() {
        List<String> parts = new ArrayList<>();
        for (int p = 1; p < notes.size(); p++) {
            long[] was = notes.get(p - 1);
            long[] now = notes.get(p);
            StringBuilder part = new StringBuilder(String.format("pulse %d: %.1f ms, FX CPU %.1f ms", p,
                    (now[0] - was[0]) / 1e6, (now[1] - was[1]) / 1e6));
            for (int i = 0; i < names.length; i++) {
                part.append(", ").append(names[i]).append(' ').append(now[2 + i] - was[2 + i]);
            }
            parts.add(part.toString());
        }
        return String.format("from %.3f s uptime: ", startedAtUptime / 1e3) + String.join("; ", parts);
    }
}
