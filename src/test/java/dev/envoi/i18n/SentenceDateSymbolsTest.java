package dev.envoi.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * A kept sentence's date formats hold their locale's symbols (issue 21: a date for every Sent row
 * read): the month and AM/PM names are no longer asked of the calendar, which copied the locale's
 * symbols at each asking, and they are the names a fresh format writes.
 */
class SentenceDateSymbolsTest {

    private static final ResourceBundle OUTBOX = ResourceBundle.getBundle("dev.envoi.outbox.messages", Locale.ENGLISH);
    private static final ResourceBundle OUTBOX_FR = ResourceBundle.getBundle("dev.envoi.outbox.messages", Locale.FRENCH);

    @Test
    void aDateSentenceCopiesNoDateSymbols() {
        long perSentence = SentenceFormatsTest.bytesPerDatedSentence(2_000, 3_600_000L);
        // Copies of the English symbols, for the month and again for AM/PM, were 700 bytes of the 1,656 (952 after).
        assertTrue(perSentence < 1_200, "bytes allocated per dated sentence: " + perSentence);
    }

    @Test
    void everyMonthAndHourIsNamedAsAFreshFormatNamesIt() {
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String id : new String[] {"UTC", "America/New_York", "Asia/Kolkata"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                for (ResourceBundle bundle : new ResourceBundle[] {OUTBOX, OUTBOX_FR}) {
                    MessageFormat fresh = new MessageFormat(bundle.getString("when"), Sentences.localeOf(bundle));
                    for (int hour = 0; hour < 24 * 366; hour += 7) {
                        Date when = new Date(1_798_761_600_000L + hour * 3_600_000L);
                        assertEquals(fresh.format(new Object[] {when}), Sentences.format(bundle, "when", when), id + " " + when);
                    }
                }
            }
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void inEveryLocaleAndZoneTheSymbolsNameWhatTheCalendarNamed() {
        String pattern = "{0,date,medium} {0,time,short}|{0,date,short} {0,time,medium}|{0,date,long}|{0,date,full}"
                + "|{0,time,long}|{0,time,full}";
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String id : new String[] {"UTC", "America/New_York", "Asia/Kolkata"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(id));
                for (Locale locale : Locale.getAvailableLocales()) {
                    MessageFormat fresh = new MessageFormat(pattern, locale);
                    MessageFormat kept = MessageFormats.kept(pattern, locale);
                    for (int month = 0; month < 12; month++) {
                        for (int hour : new int[] {3, 15}) {
                            Date when = new Date(1_798_761_600_000L + month * 31L * 86_400_000L + hour * 3_600_000L);
                            assertEquals(fresh.format(new Object[] {when}), kept.format(new Object[] {when}),
                                    locale + " " + id + " " + when);
                        }
                    }
                }
            }
        } finally {
            TimeZone.setDefault(zone);
        }
    }
}
