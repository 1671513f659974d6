package dev.envoi.app.wiring;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the libraries' own log lines off the user's terminal: Envoi tells the user what happened
 * itself, in one line. Angus Mail notes at INFO level that a server lacks SMTPUTF8 (Envoi checks
 * that and says so when it matters) under the package of the transport class, which for Envoi's
 * SMTP connection (a subclass) is dev.envoi.transport; JavaFX warns that it runs from the class
 * path (which is how `java -jar` runs it, on purpose). With --debug they speak again.
 *
 * <p>The launcher does it on a thread of its own while it reads the arguments and claims the profile:
 * java.util.logging's first use asks every jar on the class path for a logger back end (a
 * ServiceLoader that opens all 45 jars), 50–90 ms that were on the launcher's thread before the
 * toolkit could start (issue 21). {@link #settled()} waits for it before anything can log.
 */
public final class QuietLibraries {

    // Held here: a java.util.logging level set on a logger nobody references can be lost to GC. Not
    // made when the class loads: that is on the launcher's thread.
    private static volatile List<Logger> quieted = List.of();

    private QuietLibraries() {
    }

    private static volatile Thread quieting;

    /** Turns the libraries down on a thread of its own; {@link #settled()} waits for it. */
    public static void unlessDebuggingMeanwhile(boolean debug) {
        if (debug) {
            return;
        }
        Thread thread = new Thread(QuietLibraries::turnDown, "envoi-quiet-libraries");
        thread.setDaemon(true);
        quieting = thread;
        thread.start();
    }

    /** Returns once the libraries are turned down: before the toolkit starts and before a command runs. */
    public static void settled() {
        Thread thread = quieting;
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void turnDown() {
        unlessDebugging(false);
    }

    public static void unlessDebugging(boolean debug) {
        if (!debug) {
            quieted = List.of(Logger.getLogger("org.eclipse.angus.mail"), Logger.getLogger("dev.envoi.transport"),
                    Logger.getLogger("javafx"));
            quieted.forEach(logger -> logger.setLevel(Level.SEVERE));
        }
    }
}
