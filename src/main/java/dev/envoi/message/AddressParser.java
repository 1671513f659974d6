package dev.envoi.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a person types or pastes into a recipient field: a list separated by commas or
 * semicolons, each item a bare address, {@code Name <address>} or {@code "Doe, Jane" <address>}.
 * Separators inside quotes or angle brackets do not split.
 */
public final class AddressParser {

    private AddressParser() {
    }

    /** Every item of the list, each either an address or the reason it is not one. */
    public static List<ParsedAddress> parseList(String text) {
        List<ParsedAddress> result = new ArrayList<>();
        for (String item : AddressScanner.split(text == null ? "" : text, AddressScanner.PASTED_SEPARATORS)) {
            String trimmed = item.strip();
            if (!trimmed.isEmpty()) {
                result.add(parseOne(trimmed));
            }
        }
        return result;
    }

    /** One item, already split from its list. */
    public static ParsedAddress parseOne(String item) {
        String text = item.strip();
        try {
            int open = AddressScanner.lastOutsideQuotes(text, '<');
            if (open < 0) {
                if (text.startsWith("\"")) {
                    return new ParsedAddress.Invalid(text, AddressProblem.QUOTED_NAME_WITHOUT_ADDRESS.with());
                }
                return valid(text, "", text);
            }
            if (!text.endsWith(">")) {
                return new ParsedAddress.Invalid(text, AddressProblem.NO_CLOSING_BRACKET.with());
            }
            String address = text.substring(open + 1, text.length() - 1).strip();
            String name = unquote(text.substring(0, open).strip());
            return valid(text, name, address);
        } catch (IllegalArgumentException e) {
            // What the rules below do not foresee still comes back as an item, never as an exception.
            return new ParsedAddress.Invalid(text, AddressProblem.SPACE_OR_CONTROL.with());
        }
    }

    private static ParsedAddress valid(String text, String name, String address) {
        AddressProblem.Issue issue = AddressRules.issueWithAddress(address);
        if (issue == null) {
            issue = AddressRules.issueWithDisplayName(name.strip());
        }
        return issue != null ? new ParsedAddress.Invalid(text, issue)
                : new ParsedAddress.Valid(new MailAddress(name, address));
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            String inner = name.substring(1, name.length() - 1);
            StringBuilder out = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
        if (name.contains("\"")) {
            throw new IllegalArgumentException("the name has an unmatched quote");
        }
        return name;
    }
}
