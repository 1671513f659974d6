package dev.envoi.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration, found through the ServiceLoader: no appender at all, so nothing
 * reaches the terminal (a command's output, and `mvn verify`'s, stay as they were) until a profile
 * is opened and {@link ProfileLog} adds its file. Without it logback would print every line on
 * the console, and a logback.xml would be one more thing to ship and keep in step with the code.
 */
public final class QuietUntilOpened extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        // Libraries (sqlite-jdbc, java-keyring, dnsjava, GreenMail in tests) speak only to warn.
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        context.getLogger(ProfileLog.ENVOI).setLevel(Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
