package dev.envoi.log;

/**
 * Whether Envoi's own debug lines are logged (--debug). Kept apart from {@link ProfileLog}, whose
 * loading brings in logback's classes: the launcher sets this before anything is opened, on the
 * way to the first window, and logback starts only with the profile (benchmark 7).
 */
public final class LogLevel {

    private static volatile boolean debug;
    private static volatile Runnable changed = () -> { };

    private LogLevel() {
    }

    /** --debug: Envoi's own debug lines too (queue events, checks that failed harmlessly). */
    public static void verbose(boolean on) {
        debug = on;
        changed.run();
    }

    static boolean debug() {
        return debug;
    }

    /** ProfileLog, once logback runs, applies each change. */
    static void onChange(Runnable action) {
        changed = action;
    }
}
