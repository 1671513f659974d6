package dev.envoi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one scanner does what the three did: split a pasted list (AddressParser), cut a typed one
 * into chips (the recipient field), and find where a name ends and the address begins.
 */
class AddressScannerTest {

    @Test
    void aPastedListSplitsAtCommasSemicolonsAndLineBreaksOutsideQuotesAndBrackets() {
        assertEquals(List.of("\"Doe, Jane\" <jane@example.org>", " b@example.org", " c@example.org", "d@example.org",
                        "<\"x,y\"@example.org>"),
                AddressScanner.split("\"Doe, Jane\" <jane@example.org>; b@example.org, c@example.org\nd@example.org\r"
                        + "<\"x,y\"@example.org>", AddressScanner.PASTED_SEPARATORS));
    }

    @Test
    void anEscapedQuoteKeepsTheNameOpen() {
        assertEquals(List.of("\"Say \\\"hi, there\\\"\" <a@example.org>", " b@example.org"),
                AddressScanner.split("\"Say \\\"hi, there\\\"\" <a@example.org>, b@example.org",
                        AddressScanner.PASTED_SEPARATORS));
        assertEquals(-1, AddressScanner.lastSeparator("\"a\\\", b", AddressScanner.TYPED_SEPARATORS));
    }

    @Test
    void aTypedListIsCutAtItsLastSeparatorOutsideQuotesAndBrackets() {
        assertEquals(15, AddressScanner.lastSeparator("a@example.org, b@ex", AddressScanner.TYPED_SEPARATORS) + 2);
        assertEquals(13, AddressScanner.lastSeparator("a@example.org; \"Doe, J", AddressScanner.TYPED_SEPARATORS));
        assertEquals(-1, AddressScanner.lastSeparator("\"Doe; Jane\" <jane,doe", AddressScanner.TYPED_SEPARATORS));
        assertEquals(-1, AddressScanner.lastSeparator("a@example.org\nb@example.org", AddressScanner.TYPED_SEPARATORS),
                "a line break is not typed into the field; only a paste splits at it");
        assertEquals(-1, AddressScanner.lastSeparator("", AddressScanner.TYPED_SEPARATORS));
    }

    @Test
    void theNameEndsAtTheLastBracketOutsideItsQuotes() {
        assertEquals(12, AddressScanner.lastOutsideQuotes("\"a <b> c\" d <e@example.org>", '<'));
        assertEquals(-1, AddressScanner.lastOutsideQuotes("\"only <quoted>\"", '<'));
        assertEquals(-1, AddressScanner.lastOutsideQuotes("plain@example.org", '<'));
    }

    @Test
    void theParserReadsTheListTheScannerSplits() {
        List<ParsedAddress> parsed = AddressParser.parseList("\"Doe, Jane\" <jane@example.org>;\nbob@example.org");
        assertEquals(new ParsedAddress.Valid(new MailAddress("Doe, Jane", "jane@example.org")), parsed.get(0));
        assertEquals(new ParsedAddress.Valid(new MailAddress("", "bob@example.org")), parsed.get(1));
    }
}
