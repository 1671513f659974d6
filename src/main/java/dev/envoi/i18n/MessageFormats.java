package dev.envoi.i18n;

import java.text.DateFormatSymbols;
import java.text.Format;
import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One parsed MessageFormat per sentence, kept. Parsing a pattern with a date in it makes its
 * SimpleDateFormat, calendar, date symbols and number formats anew: 6.1 KB of garbage for one
 * dated sentence against 1.7 KB with the format kept. The Outbox window formats a date for every
 * row it reads (6,000 a second scrolling Sent), with a young collection every 0.8 s beside the FX
 * thread (issue 21).
 * A MessageFormat is not safe for two threads at once, so each is used under its own lock;
 * formatting is short. The zone is part of the key: a date format keeps the zone it was made in.
 */
final class MessageFormats {

    /** By bundle (one per language), then by zone and key; no record key, whose equals would be linked at first use. */
    private static final Map<ResourceBundle, Map<String, MessageFormat>> FORMATS = new ConcurrentHashMap<>();

    private MessageFormats() {
    }

    static String format(ResourceBundle bundle, String key, String pattern, Locale locale, Object[] args) {
        MessageFormat format = FORMATS.computeIfAbsent(bundle, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(TimeZone.getDefault().getID() + ' ' + key, k -> kept(pattern, locale));
        synchronized (format) {
            return format.format(args);
        }
    }

    /**
     * A format to keep. Its date formats are handed their locale's symbols: without symbols of its
     * own a SimpleDateFormat asks the calendar for each month and AM/PM name, and each asking copies
     * the locale's whole DateFormatSymbols (70 MB of the 225 MB scrolling a year of Sent). The names
     * are the same either way (SentenceDateSymbolsTest, every locale's Gregorian calendar).
     */
    static MessageFormat kept(String pattern, Locale locale) {
        MessageFormat format = new MessageFormat(pattern, locale);
        for (Format part : format.getFormats()) {
            // Symbols are the Gregorian calendar's: a Buddhist or Japanese calendar keeps asking its own names.
            if (part instanceof SimpleDateFormat date && "gregory".equals(date.getCalendar().getCalendarType())) {
                date.setDateFormatSymbols(DateFormatSymbols.getInstance(locale));
            }
        }
        return format;
    }
}
