package dev.envoi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The Outbox window formats a date for every row it reads (issue 21: scrolling a year of Sent), so
 * a sentence with a date must not make its date and number formats anew each time: 6.1 KB of
 * garbage a sentence before, 1.7 KB kept.
 */
class SentenceFormatsTest {

    private static final ResourceBundle OUTBOX = ResourceBundle.getBundle("dev.envoi.outbox.messages", Locale.ENGLISH);

    @Test
    void aDateSentenceFormattedAgainMakesLittleGarbage() {
        long perSentence = bytesPerDatedSentence(1, 60_000L);
        assertTrue(perSentence < 3_000, "bytes allocated per dated sentence: " + perSentence);
    }

    /**
     * Bytes this thread allocates per "when" sentence of the outbox, over 1,000 dates {@code step}
     * milliseconds apart, after {@code warmUp} sentences not counted.
     */
    static long bytesPerDatedSentence(int warmUp, long step) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Date when = new Date(1_800_000_000_000L);
        for (int i = 0; i < warmUp; i++) {
            Sentences.format(OUTBOX, "when", new Date(when.getTime() + i * step));
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 1_000; i++) {
            Sentences.format(OUTBOX, "when", new Date(when.getTime() + i * step));
        }
        return (threads.getThreadAllocatedBytes(id) - before) / 1_000;
    }

    @Test
    void aKeptFormatSaysWhatAFreshOneSays() {
        Date when = new Date(1_800_000_000_000L);
        String pattern = OUTBOX.getString("when");
        assertEquals(new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {when}),
                Sentences.format(OUTBOX, "when", when));
        assertEquals(new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {when}),
                Sentences.format(OUTBOX, "when", when), "and again");
    }

    @Test
    void aKeptFormatFollowsTheTimeZone() {
        TimeZone zone = TimeZone.getDefault();
        Date when = new Date(1_800_000_000_000L);
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            String utc = Sentences.format(OUTBOX, "when", when);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            String tokyo = Sentences.format(OUTBOX, "when", when);
            assertNotEquals(utc, tokyo);
            assertEquals(new MessageFormat(OUTBOX.getString("when"), Locale.ENGLISH).format(new Object[] {when}), tokyo);
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
