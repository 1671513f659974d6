package dev.envoi.spelling;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.Hunspell;
import org.apache.lucene.analysis.hunspell.TimeoutPolicy;

/**
 * Checks words of one language against its dictionary and the user's own words. Calls may take
 * tens of milliseconds (a suggestion up to {@link #SUGGESTION_MILLIS}): callers run them off the
 * FX thread. Lucene's {@code Hunspell} keeps state between calls, so the calls are serialised.
 */
public final class Speller {

    /** The longest a list of suggestions may take; what was found by then is offered. */
    static final long SUGGESTION_MILLIS = 800;
    private static final int MAX_SUGGESTIONS = 6;

    private final SpellingLanguage language;
    private final Hunspell hunspell;
    private final PersonalDictionary personal;

    Speller(SpellingLanguage language, Dictionary dictionary, PersonalDictionary personal) {
        this.language = language;
        this.hunspell = new Hunspell(dictionary, TimeoutPolicy.RETURN_PARTIAL_RESULT, () -> { });
        this.personal = personal;
    }

    public SpellingLanguage language() {
        return language;
    }

    /** Whether {@code word} is spelt right: known to the dictionary, or added by the user. */
    public synchronized boolean isCorrect(String word) {
        if (personal.contains(word) || hunspell.spell(word)) {
            return true;
        }
        // A compound the dictionary does not list is right when each of its parts is (mail-merge).
        if (word.indexOf('-') > 0) {
            for (String part : word.split("-")) {
                if (part.isEmpty() || !(personal.contains(part) || hunspell.spell(part))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The words of {@code text} that are not spelt right, in order. */
    public List<Misspelling> misspellings(String text) {
        List<Misspelling> wrong = new ArrayList<>();
        for (WordScanner.Word word : WordScanner.words(text)) {
            if (!isCorrect(word.text())) {
                wrong.add(new Misspelling(word.start(), word.end(), word.text()));
            }
        }
        return wrong;
    }

    /** The dictionary's best guesses for {@code word}, best first; empty when it has none. */
    public synchronized List<String> suggestions(String word) {
        List<String> found = hunspell.suggest(word, SUGGESTION_MILLIS);
        return found.size() > MAX_SUGGESTIONS ? List.copyOf(found.subList(0, MAX_SUGGESTIONS)) : List.copyOf(found);
    }

    /** Adds {@code word} to the user's own words, for every language, and writes them. */
    public void addToDictionary(String word) throws java.io.IOException {
        personal.add(word);
    }
}
