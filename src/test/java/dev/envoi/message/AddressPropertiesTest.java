package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envoi.testing.RandomText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a person pastes, the parser answers item by item and never lets a line break through. */
class AddressPropertiesTest {

    private final RandomText random = RandomText.fromSystemSeed();

    @Test
    void parsingAnyTextNeverThrowsAndNeverYieldsAControlCharacter() {
        for (int i = 0; i < 3000; i++) {
            String text = random.anyString(300);
            for (ParsedAddress parsed : AddressParser.parseList(text)) {
                String context = random.describe() + ", input " + escape(text);
                if (parsed instanceof ParsedAddress.Valid valid) {
                    assertFalse(AddressRules.hasControlCharacter(valid.address().displayName()), context);
                    assertFalse(AddressRules.hasControlCharacter(valid.address().address()), context);
                } else {
                    assertFalse(((ParsedAddress.Invalid) parsed).reason().isBlank(), "says why: " + context);
                }
            }
        }
    }

    @Test
    void aValidAddressSurvivesDisplayAndParseAgain() {
        for (int i = 0; i < 2000; i++) {
            MailAddress address = randomAddress();
            assertEquals(List.of(new ParsedAddress.Valid(address)), AddressParser.parseList(address.toDisplayString()),
                    random.describe() + ", address " + escape(address.toDisplayString()));
        }
    }

    @Test
    void aListOfValidAddressesParsesBackInOrder() {
        for (int i = 0; i < 500; i++) {
            List<MailAddress> addresses = new ArrayList<>();
            int count = 1 + random.random().nextInt(6);
            for (int j = 0; j < count; j++) {
                addresses.add(randomAddress());
            }
            String joined = String.join(random.random().nextBoolean() ? ", " : "; ",
                    addresses.stream().map(MailAddress::toDisplayString).toList());
            List<MailAddress> parsed = AddressParser.parseList(joined).stream()
                    .map(p -> ((ParsedAddress.Valid) p).address()).toList();
            assertEquals(addresses, parsed, random.describe() + ", list " + escape(joined));
        }
    }

    @Test
    void aSubjectNeverKeepsALineBreak() {
        for (int i = 0; i < 2000; i++) {
            String stored = DraftContent.EMPTY.withSubject(random.anyString(200)).subject();
            assertTrue(stored.indexOf('\r') < 0 && stored.indexOf('\n') < 0, random.describe());
        }
    }

    private MailAddress randomAddress() {
        String local = random.from("abcxyz019_-+", 1, 12) + (random.random().nextBoolean() ? "." + random.from("abc", 1, 4) : "");
        String domain = random.from("abcdefgh0189", 1, 10) + "." + random.from("abcdefghz", 2, 6);
        String name;
        do {
            name = random.anyString(30).strip();
        } while (AddressRules.hasControlCharacter(name) || TextControls.firstBidiIn(name) >= 0 || name.length() > 200);
        return new MailAddress(name, local + "@" + domain);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u{%x}", c) : Character.toString(c)));
        return out.toString();
    }
}
