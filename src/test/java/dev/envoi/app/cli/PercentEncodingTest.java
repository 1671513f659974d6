package dev.envoi.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The %-escapes of mailto: links and window requests refuse bad input with their own exception, not the command line's. */
class PercentEncodingTest {

    @Test
    void badEscapesAreRefusedNamingWhereTheyCameFrom() {
        assertEquals("subject: \"a%2\" has a cut-off % escape", assertThrows(PercentEncoding.MalformedEscapeException.class,
                () -> PercentEncoding.decode("a%2", "subject")).getMessage());
        assertEquals("subject: \"%zz\" has an invalid % escape", assertThrows(PercentEncoding.MalformedEscapeException.class,
                () -> PercentEncoding.decode("%zz", "subject")).getMessage());
        assertEquals("body: \"%C3\" is not UTF-8 once decoded", assertThrows(PercentEncoding.MalformedEscapeException.class,
                () -> PercentEncoding.decode("%C3", "body")).getMessage());
    }

    @Test
    void whatIsEncodedDecodesToItself() throws PercentEncoding.MalformedEscapeException {
        String text = "Café 100% sûr\r\nligne\u007f+";
        assertEquals(text, PercentEncoding.decode(PercentEncoding.encode(text), "subject"));
    }

    @Test
    void aMailtoLinkWithABadEscapeIsStillBadInputOnTheCommandLine() {
        UsageException refused = assertThrows(UsageException.class, () -> MailtoUri.parse("mailto:a@example.org?subject=%E9"));
        assertEquals("mailto: \"%E9\" is not UTF-8 once decoded", refused.getMessage());
    }
}
