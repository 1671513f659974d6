package dev.envoi.message;

import java.util.Locale;

/** Byte counts as people read them. */
public final class ByteSizes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    /** A count of 1024 bytes or more in its largest binary unit: 1.5 and "MiB". */
    public record Scaled(double value, String unit) {
    }

    public static Scaled scale(long bytes) {
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return new Scaled(value, UNITS[Math.max(unit, 0)]);
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        Scaled scaled = scale(bytes);
        return String.format(Locale.ROOT, "%.1f %s", scaled.value(), scaled.unit());
    }
}
