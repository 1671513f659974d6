package dev.envoi.spelling;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.hunspell.Dictionary;
import org.apache.lucene.analysis.hunspell.SortingStrategy;

/** Reads the Hunspell dictionary Envoi ships for a language from the class path. */
final class Dictionaries {

    private Dictionaries() {
    }

    /** Parses the language's {@code .aff} and {@code .dic}: a second or so, never on the FX thread. */
    static Dictionary load(SpellingLanguage language) {
        String base = language.dictionary();
        try (InputStream affix = open(base + ".aff"); InputStream words = open(base + ".dic")) {
            // Sorting in memory: the 2 MB of the French list need no temporary files in the profile.
            return new Dictionary(affix, List.of(words), false, SortingStrategy.inMemory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + base + " dictionary", e);
        } catch (ParseException e) {
            throw new IllegalStateException("the " + base + " dictionary is damaged: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Dictionaries.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the application");
        }
        return new BufferedInputStream(in, 64 * 1024);
    }
}
