package dev.envoi.app;

/** Shows user input safely on one terminal line: control characters become escapes. */
final class Printable {

    private static final int MAX = 200;

    private Printable() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > MAX ? out + "…" : out.toString();
    }
}
