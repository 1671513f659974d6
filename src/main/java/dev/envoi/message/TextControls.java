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

    /** The first bidirectional control in {@code text}, or -1 when there is none. */
    public static int firstBidiIn(String text) {
        return text.codePoints().filter(TextControls::isBidiControl).findFirst().orElse(-1);
    }

    /**
     * Why a subject cannot be sent, or null: like a name, it may hold no control character (NUL,
     * ESC...) and no bidirectional control. Line breaks and tabs are the exception: the domain
     * folds line breaks to a space, and a tab is ordinary white space in a header.
     *
     * @return the offending character as "U+XXXX", or null when the subject is fine
     */
    public static String problemInSubject(String subject) {
        return subject.codePoints()
                .filter(c -> (isControl(c) && c != '\r' && c != '\n' && c != '\t') || isBidiControl(c))
                .mapToObj(TextControls::describe).findFirst().orElse(null);
    }

    /** "U+202E": how a character that cannot be shown is named in an error. */
    public static String describe(int c) {
        return String.format("U+%04X", c);
    }
}
