package dev.envoi.reliability;

/** Text with every control or non-ASCII character written as an escape, for failure messages. */
final class Printables {

    private Printables() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u{%x}", c) : Character.toString(c)));
        return out.toString();
    }
}
