package dev.envoi.spelling;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Checks a text paragraph by paragraph, off the FX thread, remembering each paragraph's answer by
 * its text: when one paragraph of a long message changes, only that one is checked again, and a
 * paragraph moved or pasted elsewhere costs nothing. An editor asks with all its paragraphs' texts
 * and styles those whose answer differs from what it shows.
 */
public final class ParagraphChecker {

    /** Enough for a long message and its quotes; the oldest answers go first beyond it. */
    private static final int REMEMBERED = 4000;

    private final Spellers spellers;
    private final Executor checker;
    private final Map<SpellingLanguage, Map<String, List<Misspelling>>> answers = new HashMap<>();
    private int checked;

    /** Checks with the spellers of {@code spellers}, on {@code checker} (a background thread). */
    public ParagraphChecker(Spellers spellers, Executor checker) {
        this.spellers = spellers;
        this.checker = checker;
    }

    /**
     * The misspelt words of each distinct paragraph, in {@code language}; completes on the checker's
     * thread (the dictionary loads first if this is its first use).
     */
    public CompletableFuture<Map<String, List<Misspelling>>> check(SpellingLanguage language,
                                                                  Collection<String> paragraphs) {
        Set<String> texts = new LinkedHashSet<>(paragraphs);
        return spellers.speller(language).thenApplyAsync(speller -> {
            Map<String, List<Misspelling>> result = new HashMap<>();
            for (String text : texts) {
                result.put(text, answerFor(speller, text));
            }
            return result;
        }, checker);
    }

    /** Forgets every answer: a word was added to the dictionary, so some are wrong now. */
    public synchronized void forget() {
        answers.clear();
    }

    private List<Misspelling> answerFor(Speller speller, String text) {
        Map<String, List<Misspelling>> known = remembered(speller.language());
        synchronized (this) {
            List<Misspelling> answer = known.get(text);
            if (answer != null) {
                return answer;
            }
        }
        List<Misspelling> answer = List.copyOf(speller.misspellings(text));
        synchronized (this) {
            checked++;
            known.put(text, answer);
        }
        return answer;
    }

    private synchronized Map<String, List<Misspelling>> remembered(SpellingLanguage language) {
        return answers.computeIfAbsent(language, l -> new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<Misspelling>> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    /** How many paragraphs were checked rather than remembered (tests). */
    synchronized int checked() {
        return checked;
    }
}
