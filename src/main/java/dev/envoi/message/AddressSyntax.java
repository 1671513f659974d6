package dev.envoi.message;

/**
 * The character rules of an address, walked by hand over a stretch of the text. They say exactly
 * what these regular expressions said (AddressSyntaxTest compares them on random text):
 * <ul>
 * <li>local part: {@code [\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*}</li>
 * <li>domain label: {@code [\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?} (counted in code points)</li>
 * <li>IP literal: {@code \[(\d{1,3}\.){3}\d{1,3}]} ({@code \d} is ASCII)</li>
 * </ul>
 * Every address of every row the store reads back is checked again as its {@code MailAddress} is
 * made; with the expressions, a matcher per label and the substrings and split around them were
 * 230 MB of garbage scrolling a year of Sent (issue 21). A walk makes none.
 */
final class AddressSyntax {

    /** Letters and numbers as Pattern's {@code \p{L}} and {@code \p{N}} see them: by general category. */
    private static final int LETTER_OR_NUMBER = (1 << Character.UPPERCASE_LETTER) | (1 << Character.LOWERCASE_LETTER)
            | (1 << Character.TITLECASE_LETTER) | (1 << Character.MODIFIER_LETTER) | (1 << Character.OTHER_LETTER)
            | (1 << Character.DECIMAL_DIGIT_NUMBER) | (1 << Character.LETTER_NUMBER) | (1 << Character.OTHER_NUMBER);
    private static final String LOCAL_SYMBOLS = "!#$%&'*+/=?^_`{|}~-";
    private static final int MAX_LABEL_CODE_POINTS = 63;

    private AddressSyntax() {
    }

    static boolean isLetterOrNumber(int codePoint) {
        return (LETTER_OR_NUMBER & (1 << Character.getType(codePoint))) != 0;
    }

    /** Dot-separated runs of letters, numbers and the dot-atom's symbols, none of them empty. */
    static boolean isLocalPart(String text, int from, int to) {
        boolean runStarted = false;
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            if (c == '.') {
                if (!runStarted) {
                    return false;
                }
                runStarted = false;
            } else if (isLetterOrNumber(c) || (c < 0x80 && LOCAL_SYMBOLS.indexOf(c) >= 0)) {
                runStarted = true;
            } else {
                return false;
            }
            i += Character.charCount(c);
        }
        return runStarted;
    }

    /**
     * Whether every label between the dots of {@code text[from, to)} is 1 to 63 letters, numbers
     * and hyphens, neither starting nor ending with a hyphen; no label may be empty.
     */
    static boolean hasGoodLabels(String text, int from, int to) {
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '.') {
                if (!isLabel(text, start, i)) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }

    /** How many labels the dots of {@code text[from, to)} make. */
    static int labelCount(String text, int from, int to) {
        int labels = 1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '.') {
                labels++;
            }
        }
        return labels;
    }

    private static boolean isLabel(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        int codePoints = 0;
        int last = -1;
        int i = from;
        while (i < to) {
            int c = text.codePointAt(i);
            boolean letterOrNumber = isLetterOrNumber(c);
            if (!letterOrNumber && (c != '-' || codePoints == 0)) {
                return false;
            }
            last = c;
            codePoints++;
            i += Character.charCount(c);
        }
        return codePoints <= MAX_LABEL_CODE_POINTS && last != '-';
    }

    /** {@code [a.b.c.d]}, each part one to three ASCII digits. */
    static boolean isIpLiteral(String text, int from, int to) {
        if (to - from < 9 || text.charAt(from) != '[' || text.charAt(to - 1) != ']') {
            return false;
        }
        int i = from + 1;
        for (int part = 0; part < 4; part++) {
            int digits = 0;
            while (i < to - 1 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                digits++;
                i++;
            }
            if (digits < 1 || digits > 3) {
                return false;
            }
            if (part < 3) {
                if (i >= to - 1 || text.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
        }
        return i == to - 1;
    }

    /** C0, DEL, C1 and the line and paragraph separators, as UTF-16 units. */
    static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                return true;
            }
        }
        return false;
    }
}
