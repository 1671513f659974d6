package dev.envoi.spelling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionaries Envoi ships, loaded for real. */
class SpellersTest {

    @TempDir
    Path profile;

    private Speller speller(Spellers spellers, SpellingLanguage language) throws Exception {
        return spellers.speller(language).get(60, TimeUnit.SECONDS);
    }

    @Test
    void englishFindsTheMisspeltWordsOfAMessage() throws Exception {
        Speller english = speller(Spellers.forProfile(profile), SpellingLanguage.ENGLISH);
        String text = "Dear Ann, I recieve your mesage at https://exampel.com today; it's well-known NASA stuff.";
        List<Misspelling> wrong = english.misspellings(text);
        assertEquals(List.of("recieve", "mesage"), wrong.stream().map(Misspelling::word).toList());
        Misspelling first = wrong.get(0);
        assertEquals("recieve", text.substring(first.start(), first.end()));
        assertTrue(english.suggestions("recieve").contains("receive"), english.suggestions("recieve").toString());
    }

    @Test
    void frenchKnowsElisionsAccentsAndCompounds() throws Exception {
        Speller french = speller(Spellers.forProfile(profile), SpellingLanguage.FRENCH);
        String text = "Bonjour, aujourd’hui l'homme écrit peut-être une lettre sans faute, mais ecrire bonjuor non.";
        assertEquals(List.of("ecrire", "bonjuor"), french.misspellings(text).stream().map(Misspelling::word).toList());
        assertEquals("écrire", french.suggestions("ecrire").get(0));
        assertTrue(french.suggestions("bonjuor").contains("bonjour"));
    }

    @Test
    void aWordAddedToTheDictionaryIsRightInEveryLanguageAndKeptInTheProfile() throws Exception {
        Spellers spellers = Spellers.forProfile(profile);
        Speller english = speller(spellers, SpellingLanguage.ENGLISH);
        assertFalse(english.isCorrect("Envoiish"));
        english.addToDictionary("envoiish");
        assertTrue(english.isCorrect("Envoiish"));
        assertTrue(speller(spellers, SpellingLanguage.FRENCH).isCorrect("envoiish"));

        Path file = profile.resolve(Spellers.PERSONAL_FILE);
        assertEquals(List.of("envoiish"), Files.readAllLines(file));
        Speller reopened = speller(Spellers.forProfile(profile), SpellingLanguage.ENGLISH);
        assertTrue(reopened.isCorrect("envoiish"), "the word is still known after a restart");
    }

    @Test
    void nothingIsLoadedBeforeASpellerIsAskedForAndEachOnlyOnce() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        Spellers spellers = new Spellers(profile, task -> {
            tasks.incrementAndGet();
            new Thread(task).start();
        });
        assertEquals(0, tasks.get(), "making the spellers loads nothing");
        Speller first = speller(spellers, SpellingLanguage.ENGLISH);
        int afterFirst = tasks.get();
        assertTrue(afterFirst > 0);
        assertTrue(first == speller(spellers, SpellingLanguage.ENGLISH));
        assertEquals(afterFirst, tasks.get(), "asking again loads nothing more");
    }

    @Test
    void theLanguageOfAWindowIsItsLocalesAndTagsRoundTrip() {
        assertEquals(SpellingLanguage.FRENCH, SpellingLanguage.forLocale(java.util.Locale.CANADA_FRENCH));
        assertEquals(SpellingLanguage.ENGLISH, SpellingLanguage.forLocale(java.util.Locale.GERMAN));
        assertEquals(SpellingLanguage.FRENCH, SpellingLanguage.fromTag("fr").orElseThrow());
        assertTrue(SpellingLanguage.fromTag("de").isEmpty());
    }
}
