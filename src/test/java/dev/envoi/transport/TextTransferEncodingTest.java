package dev.envoi.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeUtility;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Envoi chooses a text part's transfer encoding as Jakarta Mail itself would, so the bytes sent
 * are the same as when Jakarta Mail chose: checked against {@code MimeUtility.getEncoding} on
 * texts of every kind (ASCII, accents, controls, DEL, lone surrogates, lines over 998 bytes).
 */
class TextTransferEncodingTest {

    @Test
    void theChoiceIsJakartaMailsForEveryKindOfText() throws Exception {
        SplittableRandom random = new SplittableRandom(21);
        String[] pieces = {"a", "Hello ", "\r\n", "\n", "\r", "\t", "é", "€", "\u0001", "\u007f", "\uD83D\uDE00",
            "\uD800", "x".repeat(600), "é".repeat(300), "=", " "};
        for (int run = 0; run < 3_000; run++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            check(text.toString(), "text/plain; charset=UTF-8");
            check(text.toString(), BodyParts.FLOWED);
            check(text.toString(), BodyParts.HTML);
        }
    }

    @Test
    void anAsciiBodyWithShortLinesIsSevenBit() {
        assertEquals("7bit", TextTransferEncoding.of("Hello\r\nthere\r\n"));
        assertEquals("quoted-printable", TextTransferEncoding.of("x".repeat(999)));
        assertEquals("quoted-printable", TextTransferEncoding.of("Voilà l'été"));
        assertEquals("base64", TextTransferEncoding.of("日本語"));
    }

    private static void check(String text, String type) throws Exception {
        String jakarta = MimeUtility.getEncoding(new DataHandler(text, type));
        assertEquals(jakarta, TextTransferEncoding.of(text), () -> "for " + type + ": " + text.replace("\r", "\\r")
                .replace("\n", "\\n"));
    }
}
