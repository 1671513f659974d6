package dev.envoi.app;

import java.util.Arrays;

/**
 * The entry point of `mvn javafx:run -Djavafx.args="..."`. The javafx-maven-plugin (0.0.8) keeps
 * words in quotes together but hands the quotes on as part of the argument, so
 * `--subject "Two words"` would arrive as a subject with quotes in it; this takes each such pair
 * off, then runs Envoi as `java -jar` would.
 */
public final class MavenRun {

    private MavenRun() {
    }

    public static void main(String[] args) {
        Launcher.main(unquote(args));
    }

    static String[] unquote(String[] args) {
        return Arrays.stream(args).map(MavenRun::unquote).toArray(String[]::new);
    }

    /** 'a b' -> a b, "a b" -> a b, --subject="a b" -> --subject=a b; anything else as it is. */
    static String unquote(String arg) {
        int open = firstQuote(arg);
        if (open < 0 || arg.length() - 1 <= open || arg.charAt(arg.length() - 1) != arg.charAt(open)) {
            return arg;
        }
        return arg.substring(0, open) + arg.substring(open + 1, arg.length() - 1);
    }

    private static int firstQuote(String arg) {
        int single = arg.indexOf('\'');
        int dbl = arg.indexOf('"');
        if (single < 0) {
            return dbl;
        }
        return dbl < 0 ? single : Math.min(single, dbl);
    }
}
