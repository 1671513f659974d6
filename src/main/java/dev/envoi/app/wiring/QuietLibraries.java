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
 */
public final class QuietLibraries {

    // Held here: a java.util.logging level set on a logger nobody references can be lost to GC.
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("org.eclipse.angus.mail"),
            Logger.getLogger("dev.envoi.transport"), Logger.getLogger("javafx"));

    private QuietLibraries() {
    }

    public static void unlessDebugging(boolean debug) {
        if (!debug) {
            QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
        }
    }
}
