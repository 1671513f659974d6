package dev.envoi.compose;

import dev.envoi.spelling.Misspelling;
import java.util.List;

/**
 * What spelling needs of the body editor: its paragraphs' texts, and the marks under misspelt words.
 * The rich body implements it over its styles; {@link SpellingHook} decides what is marked.
 */
public interface SpellingTarget {

    /** The text of each paragraph, in order. */
    List<String> paragraphs();

    /** The words marked as misspelt in paragraph {@code index} now (ranges within the paragraph). */
    List<Misspelling> marked(int index);

    /** Marks exactly {@code words} in paragraph {@code index}, taking the marks off the rest of it. */
    void mark(int index, List<Misspelling> words);
}
