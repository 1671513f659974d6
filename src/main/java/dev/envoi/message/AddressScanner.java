package dev.envoi.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The one quote-aware scanner of typed address text: it walks the text once, knowing for each
 * character whether it stands inside a quoted name ({@code "Doe, Jane"}, where a backslash escapes
 * the next character) or between angle brackets. Inside brackets a quote is part of the address
 * (a quoted local part), so it opens no name. Splitting a pasted list, cutting a typed one into
 * chips and finding where a name ends all read the text the same way.
 */
public final class AddressScanner {

    /** Separators of a list as typed in a recipient field. */
    public static final String TYPED_SEPARATORS = ",;";
    /** Separators of a pasted list, where line breaks also end an item. */
    public static final String PASTED_SEPARATORS = ",;\n\r";

    private AddressScanner() {
    }

    @FunctionalInterface
    private interface Visitor {
        void visit(int index, char c, boolean quoted, boolean angled);
    }

    private static void scan(String text, Visitor visitor) {
        boolean quoted = false;
        boolean angled = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                visitor.visit(i, c, true, angled);
                i++;
                visitor.visit(i, text.charAt(i), true, angled);
                continue;
            }
            if (c == '"' && !angled) {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angled = true;
            } else if (c == '>' && !quoted) {
                angled = false;
            }
            visitor.visit(i, c, quoted, angled);
        }
    }

    /** The items between separators that stand outside quotes and angle brackets, as typed (not stripped). */
    public static List<String> split(String text, String separators) {
        List<String> items = new ArrayList<>();
        int[] start = {0};
        scan(text, (i, c, quoted, angled) -> {
            if (!quoted && !angled && separators.indexOf(c) >= 0) {
                items.add(text.substring(start[0], i));
                start[0] = i + 1;
            }
        });
        items.add(text.substring(start[0]));
        return items;
    }

    /** The index of the last separator outside quotes and angle brackets, or -1. */
    public static int lastSeparator(String text, String separators) {
        int[] last = {-1};
        scan(text, (i, c, quoted, angled) -> {
            if (!quoted && !angled && separators.indexOf(c) >= 0) {
                last[0] = i;
            }
        });
        return last[0];
    }

    /** The index of the last {@code wanted} outside a quoted name, or -1. */
    public static int lastOutsideQuotes(String text, char wanted) {
        int[] last = {-1};
        scan(text, (i, c, quoted, angled) -> {
            if (c == wanted && !quoted) {
                last[0] = i;
            }
        });
        return last[0];
    }
}
