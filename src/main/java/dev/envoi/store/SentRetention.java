package dev.envoi.store;

import dev.envoi.i18n.Sentences;

/**
 * How much of Sent the profile keeps: everything (the default), the messages of the last N days,
 * or the last N messages. Older ones are deleted with the vault files only they used.
 */
public record SentRetention(Keep keep, int amount) {

    private static final Sentences WORDS = Sentences.of(SentRetention.class);

    public enum Keep { ALL, DAYS, MESSAGES }

    public static final SentRetention KEEP_ALL = new SentRetention(Keep.ALL, 0);

    public SentRetention {
        if (keep != Keep.ALL && amount <= 0) {
            throw new IllegalArgumentException(WORDS.get("settings.retention"));
        }
        amount = keep == Keep.ALL ? 0 : amount;
    }

    public static SentRetention days(int days) {
        return new SentRetention(Keep.DAYS, days);
    }

    public static SentRetention messages(int count) {
        return new SentRetention(Keep.MESSAGES, count);
    }
}
