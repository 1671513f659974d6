package dev.envoi.spelling;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages Envoi checks, each with the Hunspell dictionary it ships (beside this class in the
 * resources: {@code en_US.aff}/{@code .dic} from SCOWL, {@code fr.aff}/{@code .dic} from Grammalecte).
 */
public enum SpellingLanguage {
    ENGLISH("en", "en_US"),
    FRENCH("fr", "fr");

    private final String tag;
    private final String dictionary;

    SpellingLanguage(String tag, String dictionary) {
        this.tag = tag;
        this.dictionary = dictionary;
    }

    /** The language's BCP 47 tag ("en", "fr"), as a message or a setting records it. */
    public String tag() {
        return tag;
    }

    /** The base name of the dictionary's files among the resources of this package. */
    String dictionary() {
        return dictionary;
    }

    /** The language of a window shown in {@code locale}: French for French, English otherwise. */
    public static SpellingLanguage forLocale(Locale locale) {
        return FRENCH.tag.equals(locale.getLanguage()) ? FRENCH : ENGLISH;
    }

    /** The language of a recorded tag, if Envoi has a dictionary for it. */
    public static Optional<SpellingLanguage> fromTag(String tag) {
        for (SpellingLanguage language : values()) {
            if (language.tag.equalsIgnoreCase(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
