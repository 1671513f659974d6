package dev.envoi.message;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Names one message in one folder of the store, like MAPI's entry identifier. A message gets a
 * new id each time it moves between Drafts, the Outbox and Sent, so an old id stops resolving.
 */
public record EntryId(String value) {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public EntryId {
        Objects.requireNonNull(value, "value");
        if (!isForm(value)) {
            throw new IllegalArgumentException("Not a message id: \"" + value + "\" (expected 20 letters and digits)");
        }
    }

    /**
     * Twenty of [0-9a-z], walked rather than matched: every row the store reads makes an id, and a
     * matcher each was 18 MB scrolling a year of Sent (issue 21).
     */
    private static boolean isForm(String value) {
        if (value.length() != 20) {
            return false;
        }
        for (int i = 0; i < 20; i++) {
            char c = value.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'z')) {
                return false;
            }
        }
        return true;
    }

    /** A fresh id: 100 random bits in lower-case Crockford base32, short enough to type. */
    public static EntryId random() {
        char[] chars = new char[20];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new EntryId(new String(chars));
    }

    /**
     * A fresh id that sorts after the ids made before it: the time in milliseconds (9 letters,
     * enough until the year 3084), then 55 random bits (11 letters). The store keeps every id in
     * two b-tree indexes (the message's, and the history that resolves old ids); random ids would
     * land each new one on a different page of indexes that grow with every message ever sent, so
     * each commit and each checkpoint would write pages all over them. Ids in time order land on
     * the last page, which the next message's id dirties again. Same form, still unguessable
     * enough for a local name: 55 bits within one millisecond.
     */
    public static EntryId timeOrdered(long epochMillis) {
        char[] chars = new char[20];
        long time = epochMillis;
        for (int i = 8; i >= 0; i--) {
            chars[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 9; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new EntryId(new String(chars));
    }

    /** Parses user input (a command-line argument), or returns null when it is not an id. */
    public static EntryId parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
        return isForm(trimmed) ? new EntryId(trimmed) : null;
    }

    @Override
    public String toString() {
        return value;
    }
}
