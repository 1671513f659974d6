package dev.envoi.message;

import java.util.regex.Pattern;

/** The checks an address and a display name must pass; each answer names what is wrong. */
final class AddressRules {

    // Dot-atom local part (RFC 5322) widened to UTF-8 for SMTPUTF8 (RFC 6531).
    private static final Pattern LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern IP_LITERAL = Pattern.compile("\\[(\\d{1,3}\\.){3}\\d{1,3}]");
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
        return issueWithDomain(domain);
    }

    private static AddressProblem.Issue issueWithDomain(String domain) {
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
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029);
    }

    static String quoteIfNeeded(String displayName) {
        if (!NEEDS_QUOTES.matcher(displayName).matches()) {
            return displayName;
        }
        return '"' + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
