package dev.envoi.message;

/**
 * The characters that change how text around them is shown rather than being shown themselves:
 * the one definition every rule about names and every display of outside text uses.
 */
public final class TextControls {

    private TextControls() {
    }

    /** C0 controls (NUL, ESC, CR, LF, TAB...), DEL and the C1 controls. */
    public static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }

    /**
     * Bidirectional controls: U+202A-202E embeddings and overrides, U+2066-2069 isolates, the
     * U+200E/200F marks and U+061C. {@code invoice\u202Efdp.exe} reads as {@code invoiceexe.pdf}.
     */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
                || c == 0x061c;
    }

    /** The first control or bidirectional control in {@code text}, or -1 when there is none. */
    public static int firstIn(String text) {
        return text.codePoints().filter(c -> isControl(c) || isBidiControl(c)).findFirst().orElse(-1);
    }
}
