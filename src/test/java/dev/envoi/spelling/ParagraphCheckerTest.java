package dev.envoi.spelling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParagraphCheckerTest {

    @TempDir
    Path profile;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private static List<String> words(List<Misspelling> wrong) {
        return wrong.stream().map(Misspelling::word).toList();
    }

    @Test
    void onlyParagraphsNotSeenBeforeAreCheckedAgain() throws Exception {
        Spellers spellers = new Spellers(profile, thread);
        ParagraphChecker checker = new ParagraphChecker(spellers, thread);
        List<String> message = List.of("Dear Ann,", "I recieve your mesage.", "", "Best wishes");
        Map<String, List<Misspelling>> first = checker.check(SpellingLanguage.ENGLISH, message).get(60, TimeUnit.SECONDS);
        assertEquals(List.of("recieve", "mesage"), words(first.get("I recieve your mesage.")));
        assertEquals(4, checker.checked());

        List<String> edited = List.of("Dear Ann,", "I receive your mesage.", "", "Best wishes");
        Map<String, List<Misspelling>> second = checker.check(SpellingLanguage.ENGLISH, edited).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("mesage"), words(second.get("I receive your mesage.")));
        assertEquals(5, checker.checked(), "one paragraph changed: one checked");

        Map<String, List<Misspelling>> french = checker.check(SpellingLanguage.FRENCH, List.of("Bonjour Anne, mesage reçu."))
                .get(60, TimeUnit.SECONDS);
        assertEquals(List.of("mesage"), words(french.get("Bonjour Anne, mesage reçu.")));

        spellers.speller(SpellingLanguage.ENGLISH).get().addToDictionary("mesage");
        checker.forget();
        Map<String, List<Misspelling>> after = checker.check(SpellingLanguage.ENGLISH, edited).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), after.get("I receive your mesage."), "a word added counts at once");
    }
}
