package dev.envoi.spelling;

/** A word the dictionary does not know, at {@code [start, end)} of the text that was checked. */
public record Misspelling(int start, int end, String word) {

    public Misspelling {
        if (start < 0 || end <= start || end - start != word.length()) {
            throw new IllegalArgumentException("range " + start + ".." + end + " for \"" + word + "\"");
        }
    }
}
