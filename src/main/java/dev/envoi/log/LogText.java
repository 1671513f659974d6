package dev.envoi.log;

import dev.envoi.i18n.VisibleText;
import java.util.regex.Pattern;

/**
 * A server's reply or a failure's reason as the log may hold it: on one line, its control
 * characters made visible (a log line is read on a terminal too), and the local part of every
 * mail address hidden. Servers name the recipient they refuse ("550 <jane@example.org> unknown");
 * the log says which domain refused, never whom the message was for.
 */
public final class LogText {

    private static final int MAX = 1000;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@\\[\\]]+@(?=[\\w-]+(\\.[\\w-]+)*)");

    private LogText() {
    }

    public static String reason(String text) {
        return ADDRESS.matcher(VisibleText.of(String.valueOf(text), MAX)).replaceAll("***@");
    }
}
