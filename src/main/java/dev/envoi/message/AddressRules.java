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
        if (address.isEmpty()) {
            return "the address is empty";
        }
        if (address.length() > MAX_ADDRESS_LENGTH) {
            return "the address is longer than " + MAX_ADDRESS_LENGTH + " characters";
        }
        if (hasControlCharacter(address) || address.contains(" ")) {
            return "the address contains a space or a control character";
        }
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return "the address has no @";
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.isEmpty()) {
            return "nothing stands before the @";
        }
        if (local.length() > 64) {
            return "the part before the @ is longer than 64 characters";
        }
        if (!LOCAL_PART.matcher(local).matches()) {
            return "the part before the @ has a character an address cannot hold";
        }
        if (domain.isEmpty()) {
            return "no domain follows the @";
        }
        return problemWithDomain(domain);
    }

    private static String problemWithDomain(String domain) {
        if (IP_LITERAL.matcher(domain).matches()) {
            return null;
        }
        String[] labels = domain.split("\\.", -1);
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return "the domain \"" + domain + "\" is not a valid host name";
            }
        }
        if (labels.length < 2 && !domain.equalsIgnoreCase("localhost")) {
            return "the domain \"" + domain + "\" has no dot (did you mean " + domain + ".com?)";
        }
        return null;
    }

    static String problemWithDisplayName(String displayName) {
        if (displayName.length() > MAX_DISPLAY_NAME_LENGTH) {
            return "the name is longer than " + MAX_DISPLAY_NAME_LENGTH + " characters";
        }
        if (hasControlCharacter(displayName)) {
            return "the name contains a line break or a control character";
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
