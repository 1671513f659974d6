package dev.envoi.spelling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordScannerTest {

    private static List<String> words(String text) {
        return WordScanner.words(text).stream().map(WordScanner.Word::text).toList();
    }

    @Test
    void findsWordsWithTheirPlaces() {
        List<WordScanner.Word> found = WordScanner.words("Hello,  wrld!");
        assertEquals(List.of(new WordScanner.Word(0, 5, "Hello"), new WordScanner.Word(8, 12, "wrld")), found);
    }

    @Test
    void keepsApostrophesAndHyphensInsideAWord() {
        assertEquals(List.of("l'homme", "aujourd’hui", "peut-être", "don't", "dogs"), words("l'homme aujourd’hui peut-être don't 'dogs'"));
    }

    @Test
    void leavesOutAddressesDigitsAndCapitals() {
        assertEquals(List.of("see", "or", "write", "to", "the", "report", "by"),
                words("see https://exemple.fr/pagee or www.exampel.com, write to ann@exampel.org: the 2nd report by NASA, e.g. v1.2 ID42"));
    }

    @Test
    void keepsAccentedAndDecomposedLetters() {
        assertEquals(List.of("Électricité", "cafe\u0301"), words("Électricité cafe\u0301."));
    }
}
