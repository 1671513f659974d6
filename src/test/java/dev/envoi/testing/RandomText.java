package dev.envoi.testing;

import java.util.Random;

/**
 * Seeded random text for property tests: hostile on purpose (control characters, CR and LF,
 * quotes, separators, surrogate pairs, very long runs). Every test prints its seed when it fails,
 * so a failure can be replayed with {@code -Denvoi.seed=N}.
 */
public final class RandomText {

    private static final String NASTY = "\r\n\t\0\"\\<>,;:@()[]. \u0085\u2028\u00e9\u4e88\ud83d\udce8=?%";

    private final Random random;
    private final long seed;

    public RandomText(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** The seed from -Denvoi.seed, or a fresh one. */
    public static RandomText fromSystemSeed() {
        String fixed = System.getProperty("envoi.seed");
        return new RandomText(fixed != null ? Long.parseLong(fixed) : new Random().nextLong());
    }

    public long seed() {
        return seed;
    }

    public Random random() {
        return random;
    }

    /** Any string up to maxLength: mostly printable, often hostile, sometimes empty or very long. */
    public String anyString(int maxLength) {
        int length = random.nextInt(10) == 0 ? maxLength : random.nextInt(Math.max(1, Math.min(maxLength, 40)) + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            int pick = random.nextInt(10);
            if (pick < 5) {
                text.append((char) (' ' + random.nextInt(95)));
            } else if (pick < 8) {
                int start = random.nextInt(NASTY.length());
                if (Character.isLowSurrogate(NASTY.charAt(start))) {
                    start--; // a lone half of a pair is no text a person can type: take the whole pair
                }
                text.append(NASTY.charAt(start));
                if (Character.isHighSurrogate(NASTY.charAt(start)) && start + 1 < NASTY.length()) {
                    text.append(NASTY.charAt(start + 1));
                }
            } else {
                text.appendCodePoint(randomCodePoint());
            }
        }
        return text.toString();
    }

    /** A string drawn from the given characters. */
    public String from(String alphabet, int minLength, int maxLength) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private int randomCodePoint() {
        while (true) {
            int codePoint = random.nextInt(0x1_0000 + (random.nextBoolean() ? 0x1_0000 : 0));
            if (Character.isDefined(codePoint) && !Character.isSurrogate((char) codePoint)) {
                return codePoint;
            }
        }
    }

    public String describe() {
        return "seed " + seed + " (replay with -Denvoi.seed=" + seed + ")";
    }
}
