package dev.envoi.compose;

/** Where a typed recipient list can be cut: separators that are not inside a quoted name. */
final class RecipientText {

    private RecipientText() {
    }

    /** The index of the last comma or semicolon outside double quotes and angle brackets, or -1. */
    static int lastSeparatorOutsideQuotes(String text) {
        int last = -1;
        boolean quoted = false;
        boolean angled = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '<') {
                angled = true;
            } else if (!quoted && c == '>') {
                angled = false;
            } else if (!quoted && !angled && (c == ',' || c == ';')) {
                last = i;
            }
        }
        return last;
    }
}
