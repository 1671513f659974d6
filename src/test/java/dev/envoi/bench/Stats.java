package dev.envoi.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repeated measurements of one figure in one unit: the median and the spread (p10–p90), with p99,
 * min and max for the tail. Percentiles interpolate between samples, so a handful of runs (bulk,
 * start-up) still gives a fair spread.
 */
record Stats(String unit, int samples, double median, double p10, double p90, double p99, double min, double max) {

    static Stats of(String unit, double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Stats(unit, sorted.length, percentile(sorted, 50), percentile(sorted, 10), percentile(sorted, 90),
                percentile(sorted, 99), sorted[0], sorted[sorted.length - 1]);
    }

    static Stats of(String unit, Collection<Double> values) {
        return of(unit, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Durations measured with System.nanoTime, shown in milliseconds. */
    static Stats millis(List<Long> nanos) {
        return of("ms", nanos.stream().mapToDouble(n -> n / 1e6).toArray());
    }

    static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    /** "4.21 ms [3.90–5.02]": the median and its p10–p90 spread. */
    String describe() {
        return format(median) + " " + unit + " [" + format(p10) + "–" + format(p90) + "]";
    }

    String describeWithTail() {
        return describe() + ", p99 " + format(p99) + ", n=" + samples;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("unit", unit);
        json.put("n", samples);
        json.put("median", median);
        json.put("p10", p10);
        json.put("p90", p90);
        json.put("p99", p99);
        json.put("min", min);
        json.put("max", max);
        return json;
    }

    static String format(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
