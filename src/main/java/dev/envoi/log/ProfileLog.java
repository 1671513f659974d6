package dev.envoi.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.Duration;
import ch.qos.logback.core.util.FileSize;
import dev.envoi.files.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The profile's log, {@code PROFILE/logs/envoi.log}: a desktop launch has no terminal, so what the
 * spooler and the store do (and every failure they get past) is written here for a bug report.
 * At most {@link #KEPT_FILES} files of {@link #MAX_FILE_SIZE} each: envoi.log, then envoi.1.log
 * to envoi.3.log. The folder is owner-only like the rest of the profile, which also covers the
 * files logback creates on rolling over. Logback is configured here, in code, and nowhere else.
 */
public final class ProfileLog implements AutoCloseable {

    public static final String FOLDER = "logs";
    public static final String FILE = "envoi.log";
    static final String ENVOI = "dev.envoi";
    static final String MAX_FILE_SIZE = "1MB";
    static final int KEPT_FILES = 4;
    static final long SIZE_CHECK_MILLIS = 100;
    private static final String APPENDER = "profile";

    private static Opened current;

    /** The file a profile's log goes to. */
    public static Path fileIn(Path profile) {
        return profile.resolve(FOLDER).resolve(FILE);
    }

    private static void level() {
        context().getLogger(ENVOI).setLevel(LogLevel.debug() ? Level.DEBUG : Level.INFO);
    }

    /**
     * Starts writing into the profile's log. One process logs into one profile: opening another
     * (tests do, one after the other) moves the log there. Each opening is closed once; the file
     * is let go when the last one is.
     */
    public static synchronized ProfileLog openIn(Path profile) {
        Path file = fileIn(profile.toAbsolutePath());
        if (current == null || !current.file.equals(file)) {
            stopCurrent();
            try {
                OwnerOnly.createDirectories(file.getParent());
                OwnerOnly.createFile(file);
            } catch (IOException e) {
                // A read-only profile: Envoi works without its log, and has nowhere to say so but here.
                return new ProfileLog(null);
            }
            current = new Opened(file, start(file));
            // Logback starts with the first profile opened, off the window's way (benchmark 7):
            // nothing is written anywhere before that, so --debug's level is set now.
            level();
            LogLevel.onChange(ProfileLog::level);
        }
        current.openings++;
        return new ProfileLog(current);
    }

    /** The last {@code max} lines of the profile's log (empty when there is none), as written. */
    public static List<String> recentLines(Path profile, int max) throws IOException {
        Path file = fileIn(profile);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        // At most MAX_FILE_SIZE (plus one line); malformed bytes become U+FFFD rather than fail.
        List<String> lines = Arrays.asList(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        return List.copyOf(lines.subList(Math.max(0, lines.size() - max), lines.size()));
    }

    private final Opened opened;
    private boolean closed;

    private ProfileLog(Opened opened) {
        this.opened = opened;
    }

    @Override
    public void close() {
        synchronized (ProfileLog.class) {
            if (closed || opened == null) {
                return;
            }
            closed = true;
            if (opened == current && --opened.openings == 0) {
                stopCurrent();
            }
        }
    }

    private static void stopCurrent() {
        if (current != null) {
            root().detachAppender(current.appender);
            current.appender.stop();
            current = null;
        }
    }

    private static RollingFileAppender<ILoggingEvent> start(Path file) {
        LoggerContext context = context();
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(file.getParent().resolve("envoi.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(KEPT_FILES - 1);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
        // Logback looks at the size at most once a minute by default: a burst (a retry loop gone
        // wrong) could overrun the cap meanwhile. A file's length ten times a second costs nothing.
        trigger.setCheckIncrement(Duration.buildByMilliseconds(SIZE_CHECK_MILLIS));
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        // The process id tells apart the window's Envoi and a command run beside it on the same
        // profile: both append to this file (O_APPEND keeps each line whole).
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level " + ProcessHandle.current().pid()
                + " [%thread] %logger{0}: %msg%n");
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    private static Logger root() {
        return context().getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** The file being written, and how many openings still use it. */
    private static final class Opened {
        final Path file;
        final RollingFileAppender<ILoggingEvent> appender;
        int openings;

        Opened(Path file, RollingFileAppender<ILoggingEvent> appender) {
            this.file = file;
            this.appender = appender;
        }
    }
}
