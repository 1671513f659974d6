package dev.envoi.app.cli;

import dev.envoi.i18n.VisibleText;

/** Shows user input safely on one terminal line: control characters become escapes. */
public final class Printable {

    private static final int MAX = 200;
    /** A server's reason may be long; it is shown whole up to this, still on one line. */
    private static final int MAX_REASON = 4000;

    private Printable() {
    }

    public static String of(String text) {
        return VisibleText.of(text, MAX);
    }

    /** Text from outside (a server's reply, a certificate, an error naming them), shown whole. */
    public static String reason(String text) {
        return VisibleText.of(text, MAX_REASON);
    }
}
