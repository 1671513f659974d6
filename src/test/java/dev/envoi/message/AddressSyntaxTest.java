package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.testing.RandomText;
import java.lang.management.ManagementFactory;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The address rules walked by hand (issue 21: every address of every Sent row read back is checked
 * again) answer exactly what the regular expressions answered before, on random text made of the
 * characters that decide them; and checking an address makes next to no garbage.
 */
class AddressSyntaxTest {

    /* The rules as they were, regular expressions, kept here as the reference. */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern IP_LITERAL = Pattern.compile("\\[(\\d{1,3}\\.){3}\\d{1,3}]");

    /**
     * Letters and numbers of every kind (Lu, Ll, Lt, Lm, Lo, Nd, Nl, No, and beyond the BMP), what
     * is neither (a combining mark, a lone surrogate, a symbol, a space, a control), and the
     * characters with a role: the dot, the hyphen, the at, the brackets, the dot-atom's symbols.
     */
    private static final String[] PIECES = {"a", "Z", "é", "Ǆ", "ʰ", "中", "٣", "Ⅻ", "²", "7", "0", "9",
        "\ud835\udc00", "\ud801\udc00", "\ud83d\udce8", "\u0301", "\ud800", "\udc00", "€", " ", "\t", "\u0085", "\u2028",
        ".", ".", ".", "-", "-", "@", "[", "]", "!", "#", "$", "%", "&", "'", "*", "+", "/", "=", "?", "^", "_", "`",
        "{", "|", "}", "~", "\"", "(", ",", ";", ":", "<", "\\", "localhost", "LocalHost", "１"};

    @Test
    void theWalkedRulesAnswerWhatTheRegularExpressionsAnswered() {
        RandomText text = RandomText.fromSystemSeed();
        Random random = text.random();
        for (int run = 0; run < 200_000; run++) {
            String address = run % 10 == 0 ? text.anyString(80) : pieces(random);
            assertEquals(byRegularExpressions(address), AddressRules.issueWithAddress(address),
                    () -> text.describe() + ", address " + escape(address));
        }
    }

    @Test
    void labelsAreCountedInCodePointsUpToSixtyThree() {
        for (String letter : new String[] {"a", "\ud835\udc00"}) {
            for (int length = 60; length <= 66; length++) {
                String label = letter.repeat(length);
                for (String domain : new String[] {label + ".org", "x-" + label + ".org", label + "-.org", "[" + label + "]"}) {
                    String address = "jane@" + domain;
                    assertEquals(byRegularExpressions(address), AddressRules.issueWithAddress(address), address);
                }
            }
        }
    }

    @Test
    void ipLiteralsAsTheExpressionTookThem() {
        String[] domains = {"[1.2.3.4]", "[127.0.0.1]", "[255.255.255.255]", "[1234.1.1.1]", "[1.2.3]", "[1.2.3.4.5]",
            "[1.2.3.4", "1.2.3.4]", "[.1.2.3]", "[1..2.3]", "[1.2.3.]", "[]", "[a.b.c.d]", "[١.٢.٣.٤]", "[1.2.3.4]]"};
        for (String domain : domains) {
            String address = "jane@" + domain;
            assertEquals(byRegularExpressions(address), AddressRules.issueWithAddress(address), address);
        }
    }

    @Test
    void controlCharactersAsTheStreamFoundThem() {
        RandomText text = RandomText.fromSystemSeed();
        for (int run = 0; run < 20_000; run++) {
            String s = text.anyString(60);
            boolean before = s.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029);
            assertEquals(before, AddressRules.hasControlCharacter(s), () -> text.describe() + ", text " + escape(s));
        }
    }

    @Test
    void checkingAStoredAddressAgainMakesNextToNoGarbage() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        String[] addresses = {"jane.doe@mail.example.org", "x@a.b.c.d.example.com", "ops+alerts@sub.host-name.example.net"};
        for (int i = 0; i < 10_000; i++) {
            new MailAddress("Jane Doe", addresses[i % 3]);
        }
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 3_000; i++) {
            new MailAddress("Jane Doe", addresses[i % 3]);
        }
        long perAddress = (threads.getThreadAllocatedBytes(id) - before) / 3_000;
        // The expressions made 2.4 KB an address (a matcher a label, the substrings, the split).
        assertTrue(perAddress < 100, "bytes allocated per address checked: " + perAddress);
    }

    /** The checks of {@link AddressRules#issueWithAddress} before, with the expressions. */
    private static AddressProblem.Issue byRegularExpressions(String address) {
        if (address.isEmpty()) {
            return AddressProblem.EMPTY.with();
        }
        if (address.length() > AddressRules.MAX_ADDRESS_LENGTH) {
            return AddressProblem.TOO_LONG.with(AddressRules.MAX_ADDRESS_LENGTH);
        }
        if (address.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
                || address.contains(" ")) {
            return AddressProblem.SPACE_OR_CONTROL.with();
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return AddressProblem.NO_AT.with();
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) {
            return AddressProblem.NOTHING_BEFORE_AT.with();
        }
        if (local.length() > 64) {
            return AddressProblem.LOCAL_PART_TOO_LONG.with();
        }
        if (!LOCAL_PART.matcher(local).matches()) {
            return AddressProblem.LOCAL_PART_CHARACTER.with();
        }
        if (domain.isEmpty()) {
            return AddressProblem.NO_DOMAIN.with();
        }
        if (IP_LITERAL.matcher(domain).matches()) {
            return null;
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return AddressProblem.BAD_DOMAIN.with(domain);
            }
        }
        if (labels.length < 2 && !domain.equalsIgnoreCase("localhost")) {
            return AddressProblem.DOMAIN_WITHOUT_DOT.with(domain);
        }
        return null;
    }

    /** Mostly a plausible address with one thing wrong, sometimes pieces at random, sometimes long labels. */
    private static String pieces(Random random) {
        StringBuilder out = new StringBuilder();
        int kind = random.nextInt(4);
        if (kind == 0) {
            int count = random.nextInt(30);
            for (int i = 0; i < count; i++) {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            }
            return out.toString();
        }
        out.append(part(random, 1 + random.nextInt(kind == 3 ? 70 : 8))).append('@');
        int labels = random.nextInt(4);
        for (int i = 0; i <= labels; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(part(random, kind == 2 ? 58 + random.nextInt(8) : 1 + random.nextInt(6)));
        }
        return out.toString();
    }

    /** A run of letters, with now and then a piece of any kind among them. */
    private static String part(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (random.nextInt(12) == 0) {
                out.append(PIECES[random.nextInt(PIECES.length)]);
            } else {
                out.append(random.nextInt(8) == 0 ? "\ud835\udc00" : random.nextBoolean() ? "a" : "中");
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
