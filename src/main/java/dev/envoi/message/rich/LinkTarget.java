package dev.envoi.message.rich;

import java.util.Locale;
import java.util.Set;

/**
 * Which link targets a message may carry: web and mail addresses only. {@code javascript:},
 * {@code data:}, {@code file:} and every other scheme are refused, wherever the link comes from
 * (the link dialog, a paste, a stored draft someone edited).
 */
public final class LinkTarget {

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final int MAX_LENGTH = 2048;

    private LinkTarget() {
    }

    public static boolean isSafe(String target) {
        if (target == null) {
            return false;
        }
        String t = target.strip();
        if (t.isEmpty() || t.length() > MAX_LENGTH || t.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return false;
        }
        int colon = t.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String scheme = t.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!SAFE_SCHEMES.contains(scheme)) {
            return false;
        }
        return !scheme.startsWith("http") || (t.startsWith("//", colon + 1) && t.length() > colon + 3);
    }

    /** What a person typed, made a target: "example.org" means https://example.org. */
    public static String normalise(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (!t.contains(":") && t.contains(".") && !t.contains("@")) {
            return "https://" + t;
        }
        if (!t.contains(":") && t.contains("@")) {
            return "mailto:" + t;
        }
        return t;
    }
}
