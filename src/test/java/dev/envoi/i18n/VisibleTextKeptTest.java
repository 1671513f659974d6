package dev.envoi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.message.TextControls;
import dev.envoi.testing.RandomText;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Text with nothing to show as an escape comes back as it is (issue 21: every subject and name of
 * every Sent row read goes through here), and any text comes back as the code-point walk made it.
 */
class VisibleTextKeptTest {

    @Test
    void anyTextComesBackAsTheWalkMadeIt() {
        RandomText random = RandomText.fromSystemSeed();
        for (int run = 0; run < 50_000; run++) {
            String text = run % 3 == 0 ? random.from("ab é\u4e88\ud83d\udce8\u202e\u200b\u0085\r\ud800", 0, 12)
                    : random.anyString(60);
            int max = run % 4 == 0 ? random.random().nextInt(15) : Integer.MAX_VALUE;
            assertEquals(walked(text, max), VisibleText.of(text, max), () -> random.describe() + ", text " + text.chars()
                    .mapToObj(c -> String.format("\\u%04x", c)).reduce("", String::concat) + ", max " + max);
        }
    }

    @Test
    void plainTextIsNotCopied() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        String subject = "Quarterly figures, draft 3 (é, \u4e88, \ud83d\udce8)";
        assertSame(subject, VisibleText.of(subject));
        for (int i = 0; i < 10_000; i++) {
            VisibleText.of(subject);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1_000; i++) {
            VisibleText.of(subject);
        }
        long perText = (threads.getThreadAllocatedBytes(id) - before) / 1_000;
        assertTrue(perText < 16, "bytes allocated per plain text: " + perText);
    }

    /** VisibleText.of as it was: every code point walked into a new string. */
    private static String walked(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> {
            if (TextControls.isControl(c)) {
                out.append(String.format("\\x%02x", c));
            } else if (TextControls.isBidiControl(c) || c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200d) || c == 0xfeff) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > max ? out + "…" : out.toString();
    }
}
