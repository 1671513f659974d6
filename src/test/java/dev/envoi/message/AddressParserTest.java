package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressParserTest {

    @Test
    void aPastedListWithQuotedNamesAndBothSeparatorsSplitsCorrectly() {
        List<ParsedAddress> parsed = AddressParser.parseList(
                "\"Doe, Jane\" <jane@example.org>; bob@example.com, Élodie Martin <elodie@exemple.fr>,,  ");
        assertEquals(List.of(
                new ParsedAddress.Valid(new MailAddress("Doe, Jane", "jane@example.org")),
                new ParsedAddress.Valid(MailAddress.of("bob@example.com")),
                new ParsedAddress.Valid(new MailAddress("Élodie Martin", "elodie@exemple.fr"))), parsed);
    }

    @Test
    void escapedQuotesInANameAreKept() {
        ParsedAddress parsed = AddressParser.parseOne("\"Jane \\\"JD\\\" Doe\" <jane@example.org>");
        assertEquals(new MailAddress("Jane \"JD\" Doe", "jane@example.org"), ((ParsedAddress.Valid) parsed).address());
        assertEquals("\"Jane \\\"JD\\\" Doe\" <jane@example.org>", ((ParsedAddress.Valid) parsed).address().toDisplayString());
    }

    @Test
    void internationalAddressesAreAccepted() {
        MailAddress address = ((ParsedAddress.Valid) AddressParser.parseOne("用户@例子.广告")).address();
        assertTrue(address.needsUtf8());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jane|no @",
            "jane@|no domain",
            "@example.org|nothing stands before",
            "jane doe@example.org|space",
            "jane@example|has no dot",
            "jane@-example.org|not a valid host name",
            "jane@exa_mple.org|not a valid host name",
            "\"Jane\" jane@example.org|angle brackets",
            "Jane <jane@example.org|closing >",
            "jane..doe@example.org|character an address cannot hold",
    })
    void eachInvalidAddressSaysWhy(String text, String reason) {
        ParsedAddress parsed = AddressParser.parseOne(text);
        ParsedAddress.Invalid invalid = assertInstanceOf(ParsedAddress.Invalid.class, parsed);
        assertTrue(invalid.reason().contains(reason), invalid.reason());
    }

    @Test
    void aLineBreakCannotSmuggleAHeaderThroughAName() {
        assertThrows(IllegalArgumentException.class, () -> new MailAddress("Jane\r\nBcc: spy@evil.example", "jane@example.org"));
        List<ParsedAddress> parsed = AddressParser.parseList("jane@example.org\r\nBcc: spy@evil.example");
        assertEquals(2, parsed.size(), "a line break separates items, it never joins a header");
        assertInstanceOf(ParsedAddress.Invalid.class, parsed.get(1));
    }

    @Test
    void theSubjectCannotCarryALineBreak() {
        DraftContent content = DraftContent.EMPTY.withSubject("Hello\r\nBcc: spy@evil.example");
        assertEquals("Hello Bcc: spy@evil.example", content.subject());
    }

    @Test
    void entryIdsAreShortRandomAndValidated() {
        EntryId id = EntryId.random();
        assertEquals(20, id.value().length());
        assertEquals(id, EntryId.parseOrNull(" " + id.value().toUpperCase() + " "));
        assertEquals(null, EntryId.parseOrNull("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> new EntryId("short"));
    }

    @Test
    void flagsRoundTripThroughMapiBits() {
        MessageFlags flags = MessageFlags.of(MessageFlag.UNSENT, MessageFlag.SUBMIT, MessageFlag.HASATTACH);
        assertEquals(0x04 | 0x08 | 0x10, flags.toBits());
        assertEquals(flags, MessageFlags.fromBits(flags.toBits()));
    }
}
