package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The body's line ends made CRLF by hand (issue 21's hand-off profile) say exactly what the
 * regular expression said before: every CRLF, lone CR and lone LF becomes one CRLF.
 */
class CanonicalLinesTest {

    private static final Pattern ANY_LINE_END = Pattern.compile("\r\n|\r|\n");

    @Test
    void everyLineEndBecomesOneCrlfAsTheRegularExpressionMadeIt() {
        SplittableRandom random = new SplittableRandom(21);
        char[] alphabet = {'\r', '\n', 'a', 'é', ' ', '.', '\u2028'};
        for (int run = 0; run < 20_000; run++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String input = new String(text);
            assertEquals(ANY_LINE_END.matcher(input).replaceAll("\r\n"), MimeAssembler.canonicalLines(input),
                    () -> "for " + input.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test
    void aTextAlreadyInCrlfIsNotCopied() {
        String text = "one\r\ntwo\r\n\r\nthree";
        assertSame(text, MimeAssembler.canonicalLines(text));
    }
}
