package dev.envoi.spelling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the words of a text worth checking, with their places. What a dictionary cannot judge is
 * left out: web addresses, e-mail addresses, domain names and abbreviations with inner dots, words
 * with digits (codes, versions, "2nd") and words in capitals (acronyms, shouting).
 */
public final class WordScanner {

    /** A word at {@code [start, end)} of the scanned text. */
    public record Word(int start, int end, String text) {
    }

    private WordScanner() {
    }

    /** The words of {@code text} to check, in order. */
    public static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int chunkStart = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > chunkStart && !isAddress(text.substring(chunkStart, i))) {
                wordsOf(text, chunkStart, i, words);
            }
        }
        return words;
    }

    /** A web or e-mail address, a domain name or "e.g.": no dictionary has these. */
    private static boolean isAddress(String chunk) {
        String lower = chunk.toLowerCase(Locale.ROOT);
        if (lower.contains("://") || lower.startsWith("www.") || lower.startsWith("mailto:") || chunk.indexOf('@') >= 0) {
            return true;
        }
        for (int k = 1; k < chunk.length() - 1; k++) {
            char c = chunk.charAt(k);
            if ((c == '.' || c == '/' || c == '\\' || c == '_') && Character.isLetterOrDigit(chunk.charAt(k - 1))
                    && Character.isLetterOrDigit(chunk.charAt(k + 1))) {
                return true;
            }
        }
        return false;
    }

    private static void wordsOf(String text, int from, int to, List<Word> words) {
        int i = from;
        while (i < to) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < to) {
                char c = text.charAt(i);
                if (isWordChar(c)) {
                    i++;
                } else if (isJoiner(c) && i + 1 < to && Character.isLetter(text.charAt(i + 1))) {
                    i++; // l'homme, aujourd’hui, well-known: one word
                } else {
                    break;
                }
            }
            String word = text.substring(start, i);
            if (worthChecking(word)) {
                words.add(new Word(start, i, word));
            }
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isJoiner(char c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }

    private static boolean worthChecking(String word) {
        boolean lower = false;
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isDigit(c)) {
                return false;
            }
            lower |= Character.isLowerCase(c);
        }
        return lower || word.length() == 1;
    }
}
