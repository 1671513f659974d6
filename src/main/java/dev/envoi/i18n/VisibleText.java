package dev.envoi.i18n;

import dev.envoi.message.TextControls;

/**
 * Text from outside (a server's reply, a certificate's subject, a file name) made safe to show on
 * a terminal or in a window: every control character (C0, DEL, C1: ESC sequences that retitle a
 * terminal or redraw a line, a CR that overwrites one) and every bidirectional control (which
 * reorders what follows it), and every zero-width character, is shown as an escape such as {@code \x1b} or {@code \u202e}.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** {@code text} with its controls made visible, cut after {@code max} code points (with "…"). */
    public static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        if (!hasAnythingToShow(text) && (max == Integer.MAX_VALUE || text.codePointCount(0, text.length()) <= max)) {
            // Most text holds nothing to show (every subject and name of a Sent row read): kept as it is, not copied.
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> {
            if (TextControls.isControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else if (TextControls.isBidiControl(c) || isInvisible(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > max ? out + "…" : out.toString();
    }

    /** Whether any character would be shown as an escape; all of them are in the BMP, none a surrogate. */
    private static boolean hasAnythingToShow(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextControls.isControl(c) || TextControls.isBidiControl(c) || isInvisible(c)) {
                return true;
            }
        }
        return false;
    }

    /** Line and paragraph separators, zero-width characters and the byte-order mark: they hide or move text. */
    private static boolean isInvisible(int c) {
        return c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200d) || c == 0xfeff;
    }

    /** {@code text} whole, its controls made visible. */
    public static String of(String text) {
        return of(text, Integer.MAX_VALUE);
    }
}
