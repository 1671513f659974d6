package dev.envoi.message;

import java.util.Objects;

/**
 * One mailbox: an optional display name and the address itself. Built only through
 * {@link AddressParser} or {@link #of}, which refuse anything a mail header could not carry.
 */
public record MailAddress(String displayName, String address) {

    public MailAddress {
        Objects.requireNonNull(address, "address");
        // Mail headers keep no space around a name: strip it here, so the name saved is the name sent.
        displayName = displayName == null ? "" : displayName.strip();
        String problem = AddressRules.problemWithAddress(address);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        problem = AddressRules.problemWithDisplayName(displayName);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** What is wrong with a display name given on its own (trimmed as the record trims it), or null. */
    public static AddressProblem.Issue issueWithDisplayName(String displayName) {
        return AddressRules.issueWithDisplayName(displayName.strip());
    }

    public static MailAddress of(String address) {
        return new MailAddress("", address);
    }

    public boolean hasDisplayName() {
        return !displayName.isEmpty();
    }

    /** True when the address needs SMTPUTF8 (RFC 6531) to travel. */
    public boolean needsUtf8() {
        return address.chars().anyMatch(c -> c > 0x7f);
    }

    /** The form people read and type: {@code "Doe, Jane" <jane@example.org>}. */
    public String toDisplayString() {
        if (!hasDisplayName()) {
            return address;
        }
        return AddressRules.quoteIfNeeded(displayName) + " <" + address + ">";
    }

    @Override
    public String toString() {
        return toDisplayString();
    }
}
