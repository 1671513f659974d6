package dev.envoi.bench;

import java.util.Arrays;
import java.util.List;

/** Median, p99 and spread of repeated measurements, in milliseconds. */
record Stats(int samples, double median, double p99, double min, double max) {

    static Stats ofNanos(List<Long> nanos) {
        double[] millis = nanos.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        if (millis.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return new Stats(millis.length, percentile(millis, 50), percentile(millis, 99), millis[0],
                millis[millis.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "median %.3f ms, p99 %.3f ms (min %.3f, max %.3f, n=%d)",
                median, p99, min, max, samples);
    }

    @Override
    public String toString() {
        return describe() + " " + Arrays.toString(new double[] {median, p99});
    }
}
