package dev.envoi.message;

import java.util.regex.Pattern;

/** The checks an address and a display name must pass; each answer names what is wrong. */
final class AddressRules {

    private static final Pattern NEEDS_QUOTES = Pattern.compile(".*[()<>\\[\\]:;@\\\\,.\"].*");
    static final int MAX_ADDRESS_LENGTH = 254;
    static final int MAX_DISPLAY_NAME_LENGTH = 200;

    private AddressRules() {
    }

    /** Null when the address is acceptable, otherwise a sentence saying why not. */
    static String problemWithAddress(String address) {
        AddressProblem.Issue issue = issueWithAddress(address);
        return issue == null ? null : issue.english();
    }

    static String problemWithDisplayName(String displayName) {
        AddressProblem.Issue issue = issueWithDisplayName(displayName);
        return issue == null ? null : issue.english();
    }

    /** Null when the address is acceptable, otherwise what is wrong with it. */
    static AddressProblem.Issue issueWithAddress(String address) {
        if (address.isEmpty()) {
            return AddressProblem.EMPTY.with();
        }
        if (address.length() > MAX_ADDRESS_LENGTH) {
            return AddressProblem.TOO_LONG.with(MAX_ADDRESS_LENGTH);
        }
        if (hasControlCharacter(address) || address.contains(" ")) {
            return AddressProblem.SPACE_OR_CONTROL.with();
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return AddressProblem.NO_AT.with();
        }
        if (at == 0) {
            return AddressProblem.NOTHING_BEFORE_AT.with();
        }
        if (at > 64) {
            return AddressProblem.LOCAL_PART_TOO_LONG.with();
        }
        // Dot-atom local part (RFC 5322) widened to UTF-8 for SMTPUTF8 (RFC 6531); walked, not matched (AddressSyntax).
        if (!AddressSyntax.isLocalPart(address, 0, at)) {
            return AddressProblem.LOCAL_PART_CHARACTER.with();
        }
        if (at == address.length() - 1) {
            return AddressProblem.NO_DOMAIN.with();
        }
        return issueWithDomain(address, at + 1);
    }

    /** The domain is {@code address} from {@code from} on; it is cut out only to be named in a problem. */
    private static AddressProblem.Issue issueWithDomain(String address, int from) {
        int to = address.length();
        if (AddressSyntax.isIpLiteral(address, from, to)) {
            return null;
        }
        if (!AddressSyntax.hasGoodLabels(address, from, to)) {
            return AddressProblem.BAD_DOMAIN.with(address.substring(from));
        }
        if (AddressSyntax.labelCount(address, from, to) < 2 && !address.substring(from).equalsIgnoreCase("localhost")) {
            return AddressProblem.DOMAIN_WITHOUT_DOT.with(address.substring(from));
        }
        return null;
    }

    /** The rule for a name entering Envoi: what a header cannot carry, and no bidirectional control. */
    static AddressProblem.Issue issueWithDisplayName(String displayName) {
        AddressProblem.Issue issue = issueWithStoredName(displayName);
        if (issue != null) {
            return issue;
        }
        int bidi = TextControls.firstBidiIn(displayName);
        if (bidi >= 0) {
            // "Jane\u202Eevil" would show another name than the one sent: refused, as controls are.
            return AddressProblem.NAME_BIDI.with(TextControls.describe(bidi));
        }
        return null;
    }

    /**
     * The rule every name obeys, stored ones too: what a mail header cannot carry. Envoi has always
     * refused these, so no saved row holds them; bidirectional controls were allowed once.
     */
    static AddressProblem.Issue issueWithStoredName(String displayName) {
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            return AddressProblem.NAME_TOO_LONG.with(MAX_DISPLAY_NAME_LENGTH);
        }
        if (hasControlCharacter(displayName)) {
            return AddressProblem.NAME_CONTROL.with();
        }
        return null;
    }

    static boolean hasControlCharacter(String text) {
        return AddressSyntax.hasControlCharacter(text);
    }

    static String quoteIfNeeded(String displayName) {
        if (!NEEDS_QUOTES.matcher(displayName).matches()) {
            return displayName;
        }
        return '"' + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
