package dev.envoi.oauth;

/** Text from outside (a server's error, a URL) made safe to show: control characters visible, length kept sane. */
final class Texts {

    private static final int MAX = 300;

    private Texts() {
    }

    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > MAX ? out + "…" : out.toString();
    }
}
